using System.Globalization;

namespace AiEtl.Configuration.Diagnostics;

/// <summary>One kind of configuration problem: its id, severity, title, message format and help page.</summary>
public sealed class ConfigDiagnosticDescriptor
{
    private const string HelpRoot = "https://github.com/aietl/aietl-typed/blob/main/docs/diagnostics/";

    internal ConfigDiagnosticDescriptor(string id, ConfigSeverity defaultSeverity, string title, string messageFormat, string description)
    {
        Id = id;
        DefaultSeverity = defaultSeverity;
        Title = title;
        MessageFormat = messageFormat;
        Description = description;
    }

    /// <summary>The id, <c>AIETL1nnn</c>; never reused.</summary>
    public string Id { get; }

    /// <summary>The severity it is reported with.</summary>
    public ConfigSeverity DefaultSeverity { get; }

    /// <summary>A short title, as on the help page.</summary>
    public string Title { get; }

    /// <summary>The message, a composite format string whose arguments each report fills in.</summary>
    public string MessageFormat { get; }

    /// <summary>Why it is a problem and how to fix it, in one or two sentences.</summary>
    public string Description { get; }

    /// <summary>The help page, <c>docs/diagnostics/&lt;id&gt;.md</c> in the repository.</summary>
    public string HelpLink => HelpRoot + Id + ".md";

    /// <summary>The message with <paramref name="arguments"/> filled in, under the invariant culture.</summary>
    public string Format(params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
}
