using System.Text;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Diagnostics;

/// <summary>One problem found in a pipeline file, where it is and under which key.</summary>
public sealed class ConfigDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    public ConfigDiagnostic(ConfigDiagnosticDescriptor descriptor, string filePath, YamlPosition position, string keyPath, string message)
    {
        Descriptor = descriptor;
        FilePath = filePath;
        Position = position;
        KeyPath = keyPath;
        Message = message;
    }

    /// <summary>What kind of problem it is.</summary>
    public ConfigDiagnosticDescriptor Descriptor { get; }

    /// <summary>The id, <c>AIETL1nnn</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The severity.</summary>
    public ConfigSeverity Severity => Descriptor.DefaultSeverity;

    /// <summary>The file the problem is in, as it was named to the loader.</summary>
    public string FilePath { get; }

    /// <summary>Where in the file.</summary>
    public YamlPosition Position { get; }

    /// <summary>The key the problem is under, such as <c>pipeline.transforms[2].config.min_score</c>; empty for the whole file.</summary>
    public string KeyPath { get; }

    /// <summary>The message, without the key path.</summary>
    public string Message { get; }

    /// <summary>The line a compiler prints: <c>file(line,col): error AIETL1nnn: key.path: message</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(FilePath).Append('(').Append(Position.Line).Append(',').Append(Position.Column).Append("): ")
            .Append(Severity switch { ConfigSeverity.Error => "error", ConfigSeverity.Warning => "warning", _ => "info" })
            .Append(' ').Append(Id).Append(": ");
        if (KeyPath.Length > 0)
        {
            text.Append(KeyPath).Append(": ");
        }

        return text.Append(Message).ToString();
    }
}
