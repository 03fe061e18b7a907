using System.Collections.Generic;
using System.Globalization;
using AiEtl.Configuration.Catalog;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Env;
using AiEtl.Configuration.Model;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Validation;

/// <summary>
/// Checks a YAML tree against the key catalog, reporting every unknown key, wrong type, value out of range or not
/// allowed, and missing required key, and builds the validated sections from what is valid. Absent keys that the seed's
/// environment supplies (<c>DEFAULT_BATCH_SIZE</c>, <c>DB_HOST</c>, ...) are taken from it here.
/// </summary>
internal sealed class StructureValidator
{
    private readonly DiagnosticBag _diagnostics;
    private readonly ConfigEnvironment _environment;

    public StructureValidator(DiagnosticBag diagnostics, ConfigEnvironment environment)
    {
        _diagnostics = diagnostics;
        _environment = environment;
    }

    public ConfigSection ValidateRoot(YamlNode root) => ValidateMapping(root, PipelineCatalog.Root, "", root.Start);

    private ConfigSection ValidateMapping(YamlNode node, ConfigKey spec, string path, YamlPosition keyPosition)
    {
        if (node is YamlScalar { IsNull: true })
        {
            node = new YamlMapping([], keyPosition, keyPosition);
        }

        if (node is not YamlMapping mapping)
        {
            _diagnostics.Report(ConfigDiagnostics.WrongType, node.Start, path, "a mapping of keys", Describe(node));
            return ConfigSection.Empty(path, node.Start, spec.Children);
        }

        var keys = spec.Children;
        AdapterSpec? adapter = null;
        if (spec.Family is { } family)
        {
            adapter = ValidateType(mapping, family, path);
        }

        var settings = new Dictionary<string, ConfigSetting>();
        foreach (var entry in mapping.Entries)
        {
            var name = entry.Key.Value;
            var key = Find(keys, name);
            var childPath = Join(path, name);
            if (key is null)
            {
                _diagnostics.Report(ConfigDiagnostics.UnknownKey, entry.Key.Start, path, name, Suggestions.DidYouMean(name, Names(keys)), Suggestions.List(Names(keys)));
                continue;
            }

            if (key.Name == "type" && spec.Family is not null)
            {
                if (adapter is not null)
                {
                    settings[name] = new ConfigSetting(key, adapter.Name, entry.Value.Start);
                }

                continue;
            }

            if (key.Name == "config" && spec.Family is not null)
            {
                if (adapter is not null)
                {
                    var config = ValidateMapping(entry.Value, new ConfigKey("config", ConfigValueKind.Mapping, "") { Children = adapter.Keys }, childPath, entry.Key.Start);
                    settings[name] = new ConfigSetting(key, config, entry.Value.Start);
                }

                continue;
            }

            var value = ValidateValue(entry.Value, key, childPath, entry.Key.Start);
            if (value is not null)
            {
                settings[name] = new ConfigSetting(key, value, entry.Value.Start);
            }
        }

        // An adapter whose config is absent still gets its required keys checked, and its environment defaults.
        if (adapter is not null && mapping.Find("config") is null)
        {
            var config = ValidateMapping(new YamlMapping([], mapping.Start, mapping.Start), new ConfigKey("config", ConfigValueKind.Mapping, "") { Children = adapter.Keys }, Join(path, "config"), mapping.Start);
            settings["config"] = new ConfigSetting(Find(keys, "config")!, config, mapping.Start);
        }

        foreach (var key in keys)
        {
            if (settings.ContainsKey(key.Name) || mapping.Find(key.Name) is not null)
            {
                continue;
            }

            if (key.EnvironmentVariable is { } variable && (key.NoEnvironmentDefaultWith is null || mapping.Find(key.NoEnvironmentDefaultWith) is null)
                && _environment.Lookup(variable) is { } text)
            {
                var scalar = new YamlScalar(text, true, mapping.Start, mapping.Start);
                var value = ValidateScalar(scalar, key, Join(path, key.Name), variable);
                if (value is not null)
                {
                    settings[key.Name] = new ConfigSetting(key, value, mapping.Start, variable);
                }

                continue;
            }

            // An absent section still takes the values the environment supplies for its keys (execution.batch_size).
            if (key.Kind == ConfigValueKind.Mapping && key.Family is null && HasEnvironmentDefaults(key))
            {
                settings[key.Name] = new ConfigSetting(key, ValidateMapping(new YamlMapping([], mapping.Start, mapping.Start), key, Join(path, key.Name), mapping.Start), mapping.Start);
                continue;
            }

            if (key.Required && !(key.Name == "type" && spec.Family is not null))
            {
                var hint = key.EnvironmentVariable is null ? "" : " (or set the environment variable " + key.EnvironmentVariable + ")";
                _diagnostics.Report(ConfigDiagnostics.MissingKey, mapping.Entries.Count == 0 ? keyPosition : mapping.Start, path, key.Name, hint);
            }
        }

        return new ConfigSection(path, mapping.Start, keys, settings);
    }

    private AdapterSpec? ValidateType(YamlMapping mapping, AdapterFamily family, string path)
    {
        var entry = mapping.Find("type");
        if (entry is null)
        {
            _diagnostics.Report(ConfigDiagnostics.MissingKey, mapping.Start, path, "type", "; the " + family.Role + " types are " + Suggestions.List(family.Names));
            return null;
        }

        if (entry.Value is not YamlScalar { IsNull: false } scalar)
        {
            _diagnostics.Report(ConfigDiagnostics.WrongType, entry.Value.Start, Join(path, "type"), "the name of a " + family.Role + " type", Describe(entry.Value));
            return null;
        }

        if (scalar.IsUnresolved)
        {
            return null;
        }

        var adapter = family.Find(scalar.Value);
        if (adapter is null)
        {
            _diagnostics.Report(family.UnknownType, scalar.Start, Join(path, "type"), scalar.Value, Suggestions.DidYouMean(scalar.Value, family.Names), Suggestions.List(family.Names));
        }

        return adapter;
    }

    private object? ValidateValue(YamlNode node, ConfigKey key, string path, YamlPosition keyPosition)
    {
        switch (key.Kind)
        {
            case ConfigValueKind.Mapping:
                return ValidateMapping(node, key, path, keyPosition);
            case ConfigValueKind.MappingList:
                return ValidateMappingList(node, key, path);
            case ConfigValueKind.Dictionary:
                return ValidateDictionary(node, key, path, keyPosition);
            case ConfigValueKind.StringList:
                return ValidateList(node, key, path);
            default:
                if (node is YamlScalar scalar)
                {
                    return ValidateScalar(scalar, key, path, null);
                }

                _diagnostics.Report(ConfigDiagnostics.WrongType, node.Start, path, Expected(key), Describe(node));
                return null;
        }
    }

    private IReadOnlyList<ConfigSection>? ValidateMappingList(YamlNode node, ConfigKey key, string path)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            _diagnostics.Report(ConfigDiagnostics.WrongType, node.Start, path, "a list of mappings", Describe(node));
            return null;
        }

        var items = new List<ConfigSection>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            items.Add(ValidateMapping(sequence.Items[i], key, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", sequence.Items[i].Start));
        }

        return items;
    }

    private IReadOnlyDictionary<string, ConfigSetting>? ValidateDictionary(YamlNode node, ConfigKey key, string path, YamlPosition keyPosition)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return new Dictionary<string, ConfigSetting>();
        }

        if (node is not YamlMapping mapping)
        {
            _diagnostics.Report(ConfigDiagnostics.WrongType, node.Start, path, "a mapping of field names to values", Describe(node));
            return null;
        }

        var values = new Dictionary<string, ConfigSetting>();
        foreach (var entry in mapping.Entries)
        {
            var value = ValidateValue(entry.Value, key.Values!, Join(path, entry.Key.Value), entry.Key.Start);
            if (value is not null)
            {
                // The position of the key: it names the field that later checks look up.
                values[entry.Key.Value] = new ConfigSetting(key.Values!, value, entry.Key.Start);
            }
        }

        _ = keyPosition;
        return values;
    }

    private IReadOnlyList<string>? ValidateList(YamlNode node, ConfigKey key, string path)
    {
        var items = new PositionedList();
        if (node is YamlScalar single)
        {
            if (single.IsNull)
            {
                return items;
            }

            // A single value is a list of one: key_fields: id.
            return CheckListItem(single, key, path, items) ? items : null;
        }

        if (node is not YamlSequence sequence)
        {
            _diagnostics.Report(ConfigDiagnostics.WrongType, node.Start, path, "a list of values", Describe(node));
            return null;
        }

        var valid = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (sequence.Items[i] is not YamlScalar { IsNull: false } scalar)
            {
                _diagnostics.Report(ConfigDiagnostics.WrongType, sequence.Items[i].Start, itemPath, "a value", Describe(sequence.Items[i]));
                valid = false;
                continue;
            }

            valid &= CheckListItem(scalar, key, itemPath, items);
        }

        return valid ? items : null;
    }

    private bool CheckListItem(YamlScalar scalar, ConfigKey key, string path, PositionedList items)
    {
        if (scalar.IsUnresolved)
        {
            return false;
        }

        if (key.AllowedValues.Count > 0 && Match(scalar.Value, key) is null)
        {
            _diagnostics.Report(ConfigDiagnostics.InvalidEnumValue, scalar.Start, path, "'" + scalar.Value + "'", Suggestions.DidYouMean(scalar.Value, key.AllowedValues), Suggestions.List(key.AllowedValues));
            return false;
        }

        items.Add(scalar.Value, scalar.Start);
        return true;
    }

    private object? ValidateScalar(YamlScalar scalar, ConfigKey key, string path, string? fromVariable)
    {
        if (scalar.IsUnresolved)
        {
            return null;
        }

        if (scalar.IsKept && key.Kind == ConfigValueKind.String)
        {
            // A compiled pipeline resolves text placeholders when it runs: keep them as written.
            return scalar.OriginalValue ?? scalar.Value;
        }

        if (scalar.IsKept && scalar.LacksDefault)
        {
            _diagnostics.Report(ConfigDiagnostics.PlaceholderNeedsDefault, scalar.Start, path, Expected(key));
            return null;
        }

        if (scalar.IsNull)
        {
            _diagnostics.Report(ConfigDiagnostics.WrongType, scalar.Start, path, Expected(key), "no value");
            return null;
        }

        var text = scalar.Value;
        if (fromVariable is null)
        {
            LiteralSecrets.Check(scalar, key, path, _diagnostics);
        }

        switch (key.Kind)
        {
            case ConfigValueKind.String:
                if (key.Minimum is { } minLength && text.Length < minLength)
                {
                    _diagnostics.Report(ConfigDiagnostics.OutOfRange, scalar.Start, path, Shown(scalar, key, fromVariable), "it must be at least " + minLength.ToString(CultureInfo.InvariantCulture) + " characters long");
                    return null;
                }

                return text;
            case ConfigValueKind.Integer:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    _diagnostics.Report(ConfigDiagnostics.WrongType, scalar.Start, path, Expected(key), Shown(scalar, key, fromVariable));
                    return null;
                }

                return CheckRange(whole, scalar, key, path, fromVariable) ? whole : null;
            case ConfigValueKind.Number:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    _diagnostics.Report(ConfigDiagnostics.WrongType, scalar.Start, path, Expected(key), Shown(scalar, key, fromVariable));
                    return null;
                }

                return CheckRange(number, scalar, key, path, fromVariable) ? number : null;
            case ConfigValueKind.Boolean:
                if (string.Equals(text, "true", System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(text, "false", System.StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                _diagnostics.Report(ConfigDiagnostics.WrongType, scalar.Start, path, Expected(key), Shown(scalar, key, fromVariable));
                return null;
            case ConfigValueKind.Character:
                if (text.Length != 1)
                {
                    _diagnostics.Report(ConfigDiagnostics.WrongType, scalar.Start, path, Expected(key), Shown(scalar, key, fromVariable));
                    return null;
                }

                return text;
            case ConfigValueKind.Enum:
                var match = Match(text, key);
                if (match is null)
                {
                    _diagnostics.Report(ConfigDiagnostics.InvalidEnumValue, scalar.Start, path, "'" + text + "'" + (fromVariable is null ? "" : " (from " + fromVariable + ")"), Suggestions.DidYouMean(text, key.AllowedValues), Suggestions.List(key.AllowedValues));
                }

                return match;
            default:
                return TypedScalar(scalar);
        }
    }

    private bool CheckRange(double value, YamlScalar scalar, ConfigKey key, string path, string? fromVariable)
    {
        var low = key.Minimum is { } min && value < min;
        var high = key.Maximum is { } max && value > max;
        if (!low && !high)
        {
            return true;
        }

        var range = key.Minimum is not null && key.Maximum is not null
            ? "it must be between " + Number(key.Minimum.Value) + " and " + Number(key.Maximum.Value)
            : key.Minimum is not null ? "it must be at least " + Number(key.Minimum.Value) : "it must be at most " + Number(key.Maximum!.Value);
        _diagnostics.Report(ConfigDiagnostics.OutOfRange, scalar.Start, path, Shown(scalar, key, fromVariable), range);
        return false;
    }

    /// <summary>A plain scalar typed as YAML's core schema types it (a boolean, a whole number, a number), a quoted one as text.</summary>
    internal static object TypedScalar(YamlScalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.IsQuoted)
        {
            if (text is "true" or "True" or "TRUE")
            {
                return true;
            }

            if (text is "false" or "False" or "FALSE")
            {
                return false;
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return text;
    }

    private static string? Match(string text, ConfigKey key)
    {
        foreach (var value in key.AllowedValues)
        {
            if (string.Equals(value, text, key.IgnoreCase ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>How a value is shown in a message: quoted, never for a secret, never the value of a variable (it may be one).</summary>
    private static string Shown(YamlScalar scalar, ConfigKey key, string? fromVariable)
    {
        if (fromVariable is not null)
        {
            return "the value of the environment variable " + fromVariable;
        }

        if (key.IsSecret)
        {
            return "the value";
        }

        return scalar.OriginalValue is { } original ? "'" + original + "' (after resolving placeholders)" : "'" + scalar.Value + "'";
    }

    private static string Expected(ConfigKey key) => key.Kind switch
    {
        ConfigValueKind.Integer => "a whole number",
        ConfigValueKind.Number => "a number",
        ConfigValueKind.Boolean => "true or false",
        ConfigValueKind.Character => "a single character",
        ConfigValueKind.Enum => "one of " + Suggestions.List(key.AllowedValues),
        ConfigValueKind.StringList => "a list of values",
        ConfigValueKind.Mapping => "a mapping of keys",
        ConfigValueKind.MappingList => "a list of mappings",
        ConfigValueKind.Dictionary => "a mapping",
        ConfigValueKind.Scalar => "a value",
        _ => "text",
    };

    private static string Describe(YamlNode node) => node is YamlScalar scalar
        ? scalar.IsNull ? "no value" : "'" + scalar.Value + "'"
        : node.KindName;

    private static bool HasEnvironmentDefaults(ConfigKey key)
    {
        foreach (var child in key.Children)
        {
            if (child.EnvironmentVariable is not null || (child.Kind == ConfigValueKind.Mapping && HasEnvironmentDefaults(child)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static ConfigKey? Find(IReadOnlyList<ConfigKey> keys, string name)
    {
        foreach (var key in keys)
        {
            if (key.Name == name)
            {
                return key;
            }
        }

        return null;
    }

    private static List<string> Names(IReadOnlyList<ConfigKey> keys)
    {
        var names = new List<string>();
        foreach (var key in keys)
        {
            names.Add(key.Name);
        }

        return names;
    }
}
