using System.Collections.Generic;
using System.Text;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Env;

/// <summary>
/// Resolves <c>${NAME}</c> and <c>${NAME:-default}</c> inside scalar values after parsing (keys are never resolved), so
/// a placeholder cannot change the structure of the file. <c>$${</c> is a literal <c>${</c>. An unset variable without a
/// default is reported at the placeholder, by name; its value is never part of a message. For the compiler
/// (<c>keep</c>), a placeholder stands for its default (or nothing) and the scalar remembers its text, which
/// the validator keeps for a text setting, to be resolved when the compiled pipeline runs.
/// </summary>
internal static class PlaceholderResolver
{
    public static YamlNode Resolve(YamlNode node, ConfigEnvironment environment, DiagnosticBag diagnostics, string path, bool keep = false) => node switch
    {
        YamlScalar scalar => ResolveScalar(scalar, environment, diagnostics, path, keep),
        YamlSequence sequence => ResolveSequence(sequence, environment, diagnostics, path, keep),
        YamlMapping mapping => ResolveMapping(mapping, environment, diagnostics, path, keep),
        _ => node,
    };

    private static YamlSequence ResolveSequence(YamlSequence sequence, ConfigEnvironment environment, DiagnosticBag diagnostics, string path, bool keep)
    {
        var items = new List<YamlNode>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            items.Add(Resolve(sequence.Items[i], environment, diagnostics, path + "[" + i + "]", keep));
        }

        return new YamlSequence(items, sequence.Start, sequence.End);
    }

    private static YamlMapping ResolveMapping(YamlMapping mapping, ConfigEnvironment environment, DiagnosticBag diagnostics, string path, bool keep)
    {
        var entries = new List<YamlMappingEntry>(mapping.Entries.Count);
        foreach (var entry in mapping.Entries)
        {
            var childPath = path.Length == 0 ? entry.Key.Value : path + "." + entry.Key.Value;
            entries.Add(new YamlMappingEntry(entry.Key, Resolve(entry.Value, environment, diagnostics, childPath, keep)));
        }

        return new YamlMapping(entries, mapping.Start, mapping.End);
    }

    private static YamlScalar ResolveScalar(YamlScalar scalar, ConfigEnvironment environment, DiagnosticBag diagnostics, string path, bool keep)
    {
        var text = scalar.Value;
        if (text.IndexOf("${", System.StringComparison.Ordinal) < 0)
        {
            return scalar;
        }

        var result = new StringBuilder(text.Length);
        var lacksDefault = false;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                result.Append("${");
                i += 3;
                continue;
            }

            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            var body = close < 0 ? "" : text.Substring(i + 2, close - i - 2);
            var separator = body.IndexOf(":-", System.StringComparison.Ordinal);
            var name = separator < 0 ? body : body.Substring(0, separator);
            if (close < 0 || !PlaceholderSyntax.IsName(name))
            {
                var shown = close < 0 ? text.Substring(i) : text.Substring(i, close - i + 1);
                diagnostics.Report(ConfigDiagnostics.BadPlaceholder, scalar.PositionOf(i), path, shown);
                return scalar.AsUnresolved();
            }

            var value = environment.Lookup(name);
            if (separator >= 0 && string.IsNullOrEmpty(value))
            {
                value = body.Substring(separator + 2);
            }

            if (value is null && keep)
            {
                lacksDefault = true;
                value = "";
            }

            if (value is null)
            {
                diagnostics.Report(ConfigDiagnostics.UnsetVariable, scalar.PositionOf(i), path, name, environment.EnvFileName ?? "a .env file");
                return scalar.AsUnresolved();
            }

            result.Append(value);
            i = close + 1;
        }

        return keep ? scalar.AsKept(result.ToString(), lacksDefault) : scalar.WithValue(result.ToString());
    }
}
