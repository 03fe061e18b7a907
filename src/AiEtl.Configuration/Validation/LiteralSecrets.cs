using System;
using AiEtl.Configuration.Catalog;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Validation;

/// <summary>Warns about a secret written in the file where a <c>${VAR}</c> belongs: a password, a masking key, a connection string's password.</summary>
internal static class LiteralSecrets
{
    public static void Check(YamlScalar scalar, ConfigKey key, string path, DiagnosticBag diagnostics)
    {
        if (!key.IsSecret || scalar.Value.Length == 0)
        {
            return;
        }

        var written = scalar.OriginalValue ?? scalar.Value;
        if (key.Name == "connection_string")
        {
            if (HasLiteralPassword(written))
            {
                diagnostics.Report(ConfigDiagnostics.LiteralSecret, scalar.Start, path, "the connection string's password", "DB_PASSWORD");
            }

            return;
        }

        if (scalar.OriginalValue is null)
        {
            var variable = key.Name == "hash_key" ? "AIETL_MASKING_KEY" : "DB_PASSWORD";
            diagnostics.Report(ConfigDiagnostics.LiteralSecret, scalar.Start, path, "the " + key.Name.Replace('_', ' '), variable);
        }
    }

    private static bool HasLiteralPassword(string connectionString)
    {
        foreach (var part in connectionString.Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var name = part.Substring(0, equals).Trim();
            var value = part.Substring(equals + 1).Trim();
            if ((name.Equals("password", StringComparison.OrdinalIgnoreCase) || name.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                && value.Length > 0 && !value.StartsWith("${", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
