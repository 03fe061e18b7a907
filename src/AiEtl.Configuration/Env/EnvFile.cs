using System.Collections.Generic;
using System.IO;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Env;

/// <summary>
/// Reads a <c>.env</c> file as docker compose does: <c>NAME=value</c> lines, an optional <c>export</c>, comments from
/// <c>#</c> (after a space, in an unquoted value), values in single quotes taken as written and in double quotes with
/// <c>\n</c>, <c>\t</c>, <c>\"</c> and <c>\\</c> escapes.
/// </summary>
internal static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Read(string path, DiagnosticBag diagnostics)
    {
        var values = new Dictionary<string, string>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException error)
        {
            diagnostics.ReportIn(path, ConfigDiagnostics.UnreadableFile, YamlPosition.Start, "", "cannot read the environment file: " + error.Message);
            return values;
        }
        catch (System.UnauthorizedAccessException error)
        {
            diagnostics.ReportIn(path, ConfigDiagnostics.UnreadableFile, YamlPosition.Start, "", "cannot read the environment file: " + error.Message);
            return values;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", System.StringComparison.Ordinal))
            {
                line = line.Substring("export ".Length).TrimStart();
            }

            var equals = line.IndexOf('=');
            var name = equals > 0 ? line.Substring(0, equals).Trim() : "";
            if (!PlaceholderSyntax.IsName(name))
            {
                // The line may hold a secret: name only its start.
                var shown = equals > 0 ? line.Substring(0, equals) + "=..." : (line.Length > 20 ? line.Substring(0, 20) + "..." : line);
                diagnostics.ReportIn(path, ConfigDiagnostics.BadEnvFileLine, new YamlPosition(i + 1, 1), "", shown);
                continue;
            }

            values[name] = Value(line.Substring(equals + 1).Trim());
        }

        return values;
    }

    private static string Value(string raw)
    {
        if (raw.Length >= 2 && raw[0] == '\'' && raw.IndexOf('\'', 1) > 0)
        {
            return raw.Substring(1, raw.IndexOf('\'', 1) - 1);
        }

        if (raw.Length >= 2 && raw[0] == '"')
        {
            var text = new System.Text.StringBuilder();
            for (var i = 1; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\' && i + 1 < raw.Length)
                {
                    i++;
                    text.Append(raw[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => raw[i] });
                    continue;
                }

                text.Append(c);
            }

            return text.ToString();
        }

        var comment = raw.IndexOf(" #", System.StringComparison.Ordinal);
        return (comment >= 0 ? raw.Substring(0, comment) : raw).Trim();
    }
}
