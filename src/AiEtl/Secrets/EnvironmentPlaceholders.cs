using System.Text.RegularExpressions;

namespace AiEtl;

/// <summary>
/// Expands <c>${NAME}</c> and <c>${NAME:-default}</c> placeholders from the environment, which keeps credentials out
/// of configuration files (<c>password: "${DB_PASSWORD}"</c>). The default applies when the variable is unset or
/// empty, as in docker compose. <c>$${</c> stands for a literal <c>${</c>.
/// </summary>
public static partial class EnvironmentPlaceholders
{
    /// <summary>Whether <paramref name="text"/> holds at least one placeholder.</summary>
    public static bool Contains(string? text) => text is not null && Placeholder().IsMatch(text);

    /// <summary>Replaces every placeholder with its environment variable.</summary>
    /// <param name="text">The setting's value, or <see langword="null"/>.</param>
    /// <param name="setting">The setting's name, for the error (never its value, which may be a secret).</param>
    /// <param name="lookup">Where variables come from; the process environment by default.</param>
    /// <exception cref="PipelineConfigurationException">A variable is not set.</exception>
    public static string? Expand(string? text, string setting, Func<string, string?>? lookup = null)
    {
        if (text is null || !text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        lookup ??= Environment.GetEnvironmentVariable;
        return Placeholder().Replace(text, match =>
        {
            if (match.Groups["escape"].Success)
            {
                return "${";
            }

            var name = match.Groups["name"].Value;
            var value = lookup(name);
            if (match.Groups["default"].Success && string.IsNullOrEmpty(value))
            {
                return match.Groups["default"].Value;
            }

            return value ?? throw new PipelineConfigurationException($"{setting}: the environment variable {name} is not set");
        });
    }

    [GeneratedRegex(@"(?<escape>\$\$\{)|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
