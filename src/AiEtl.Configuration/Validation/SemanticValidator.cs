using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AiEtl.Configuration.Diagnostics;
using AiEtl.Configuration.Model;
using AiEtl.Configuration.Yaml;

namespace AiEtl.Configuration.Validation;

/// <summary>
/// The checks that span keys: field names against the declared schema, merge without a primary key, keys that
/// exclude or need each other, impute methods, the declared schema itself.
/// </summary>
internal sealed class SemanticValidator
{
    private readonly DiagnosticBag _diagnostics;

    public SemanticValidator(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
    }

    public void Validate(PipelineConfiguration pipeline)
    {
        var sourceSection = pipeline.Root.GetSection("pipeline").GetSection("source");
        if (sourceSection.Has("schema") && sourceSection.Has("schema_file"))
        {
            _diagnostics.Report(ConfigDiagnostics.ConflictingKeys, sourceSection.PositionOf("schema_file"), sourceSection.PathOf("schema_file"),
                "'schema' and 'schema_file' both declare the row schema; keep one");
        }

        var schema = pipeline.Source.Schema;
        if (schema is not null && pipeline.Source.SchemaOrigin == SchemaOrigin.Inline)
        {
            CheckSchema(schema, sourceSection.GetSection("schema"));
        }

        CheckDatabase(pipeline.Source.Adapter, "source");
        CheckDatabase(pipeline.Destination.Adapter, "destination");
        CheckFieldNames(sourceSection.GetSection("schema"), schema);
        CheckFieldNames(pipeline.Source.Adapter.Config, schema);
        CheckFieldNames(pipeline.Destination.Adapter.Config, schema);
        // The fields a transform names are those the transforms before it pass on (select and rename change them).
        var names = schema?.Fields.Select(f => f.Name).ToList();
        foreach (var transform in pipeline.Transforms)
        {
            CheckFieldNames(transform.Config, names);
            CheckTransform(transform, pipeline.Destination.Adapter.Config, _diagnostics);
            names = names is null ? null : FieldsAfter(transform, names);
        }

        if (pipeline.Source.Record is null || pipeline.Source.Schema is not null)
        {
            // A C# record's primary key is known to the compiler only, which checks merge itself (AIETL1108).
            CheckMerge(pipeline.Destination.Adapter.Config, schema);
        }

        var masking = pipeline.Root.GetSection("pipeline").GetSection("masking");
        if (pipeline.Masking.Strategy == "keyed_hash" && pipeline.Masking.HashKey is null)
        {
            _diagnostics.Report(ConfigDiagnostics.MissingKey, masking.PositionOf("strategy"), masking.Path, "hash_key", " (strategy keyed_hash needs a key, from a ${VAR})");
        }
        else if (pipeline.Masking.HashKey is { Length: < 16 } key && key.IndexOf("${", System.StringComparison.Ordinal) < 0)
        {
            // (A key still written as a placeholder is a compiled pipeline's: it is resolved, and checked, when it runs.)
            _diagnostics.Report(ConfigDiagnostics.InvalidValue, masking.PositionOf("hash_key"), masking.PathOf("hash_key"), "the hash key must be at least 16 characters long");
        }
    }

    private void CheckSchema(RowSchemaDeclaration schema, ConfigSection section)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fields = section.GetSections("fields");
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            var fieldSection = i < fields.Count ? fields[i] : section;
            if (!seen.Add(field.Name))
            {
                _diagnostics.Report(ConfigDiagnostics.InvalidValue, fieldSection.PositionOf("name"), fieldSection.PathOf("name"),
                    "the field '" + field.Name + "' is declared twice (field names are compared without regard to case)");
            }

            if (field.Pattern is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException error)
                {
                    _diagnostics.Report(ConfigDiagnostics.InvalidValue, fieldSection.PositionOf("pattern"), fieldSection.PathOf("pattern"), "the pattern is not a valid regular expression: " + error.Message);
                }
            }

            if (field.PrimaryKey && fieldSection.Has("nullable") && fieldSection.GetBoolean("nullable") == true)
            {
                _diagnostics.Report(ConfigDiagnostics.InvalidValue, fieldSection.PositionOf("nullable"), fieldSection.PathOf("nullable"),
                    "the field '" + field.Name + "' is part of the primary key, so it cannot be nullable");
            }

            CheckSensitivePaths(field, fieldSection);
            if (field.ElementType is not null && field.Type != "array")
            {
                _diagnostics.Report(ConfigDiagnostics.InvalidValue, fieldSection.PositionOf("element_type"), fieldSection.PathOf("element_type"),
                    "element_type is for array fields, and '" + field.Name + "' is " + field.Type);
            }
        }
    }

    // A path the engine could not find would leave its values in clear: each must parse, on a json field, not beside 'sensitive'.
    private void CheckSensitivePaths(FieldDeclaration field, ConfigSection fieldSection)
    {
        if (!fieldSection.Has("sensitive_paths") || field.SensitivePaths.Count == 0)
        {
            return;
        }

        if (field.Type != "json")
        {
            _diagnostics.Report(ConfigDiagnostics.SensitivePathsNeedJson, fieldSection.PositionOf("sensitive_paths"), fieldSection.PathOf("sensitive_paths"), field.Name, field.Type);
            return;
        }

        if (field.Sensitive != "none")
        {
            _diagnostics.Report(ConfigDiagnostics.ConflictingKeys, fieldSection.PositionOf("sensitive_paths"), fieldSection.PathOf("sensitive_paths"),
                "'sensitive' masks all of the field '" + field.Name + "' and 'sensitive_paths' values inside it; keep one");
        }

        foreach (var entry in fieldSection.GetDictionary("sensitive_paths"))
        {
            if (JsonPathSyntax.Parse(entry.Key, out var offset, out var problem) is null)
            {
                _diagnostics.Report(ConfigDiagnostics.BadSensitivePath, entry.Value.Position, fieldSection.PathOf("sensitive_paths") + "." + entry.Key,
                    entry.Key, problem!, (offset + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private void CheckDatabase(AdapterSettings adapter, string role)
    {
        var config = adapter.Config;
        if (adapter.Type is "sqlite" or "postgres" && role == "source")
        {
            if (config.Has("table") && config.Has("query"))
            {
                _diagnostics.Report(ConfigDiagnostics.ConflictingKeys, config.PositionOf("query"), config.PathOf("query"), "'table' and 'query' both say what to read; keep one");
            }
            else if (!config.Has("table") && !config.Has("query"))
            {
                _diagnostics.Report(ConfigDiagnostics.ConflictingKeys, config.Position, config.Path, "the source needs 'table' or 'query' to know what to read");
            }
        }

        if (adapter.Type == "sqlite" && config.Has("page_size") && config.GetInt64("page_size") is { } pageSize && (pageSize & (pageSize - 1)) != 0)
        {
            _diagnostics.Report(ConfigDiagnostics.InvalidValue, config.PositionOf("page_size"), config.PathOf("page_size"),
                "page_size must be a power of two (512, 1024, ... 65536), as SQLite's pages are");
        }

        if (adapter.Type == "postgres" && !config.Has("database") && !config.Has("connection_string"))
        {
            _diagnostics.Report(ConfigDiagnostics.MissingKey, config.Position, config.Path, "database", " (or give connection_string, or set the environment variable DB_NAME)");
        }
    }

    private static List<string> FieldsAfter(AdapterSettings transform, List<string> names) => transform.Type switch
    {
        "select" => [.. transform.Config.GetList("fields").Where(names.Contains)],
        "rename" => [.. names.Select(name => transform.Config.GetDictionary("fields").TryGetValue(name, out var to) && to.Value is string renamed ? renamed : name)],
        _ => names,
    };

    private void CheckFieldNames(ConfigSection section, RowSchemaDeclaration? schema) =>
        CheckFieldNames(section, schema?.Fields.Select(f => f.Name).ToList());

    private void CheckFieldNames(ConfigSection section, List<string>? names)
    {
        if (names is null)
        {
            return;
        }

        foreach (var entry in section.Settings)
        {
            var setting = entry.Value;
            if (!setting.Key.NamesFields)
            {
                continue;
            }

            var path = section.PathOf(entry.Key);
            switch (setting.Value)
            {
                case string name:
                    CheckField(name, names, setting.Position, path);
                    break;
                case PositionedList list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        CheckField(list[i], names, list.PositionAt(i, setting.Position), path + "[" + i + "]");
                    }

                    break;
                case IReadOnlyDictionary<string, ConfigSetting> dictionary:
                    foreach (var item in dictionary)
                    {
                        CheckField(item.Key, names, item.Value.Position, path + "." + item.Key);
                    }

                    break;
            }
        }
    }

    private void CheckField(string name, List<string> names, YamlPosition position, string path)
    {
        if (!names.Contains(name))
        {
            _diagnostics.Report(ConfigDiagnostics.UnknownField, position, path, name, Suggestions.DidYouMean(name, names), Suggestions.List(names));
        }
    }

    private static void CheckTransform(AdapterSettings transform, ConfigSection destination, DiagnosticBag diagnostics)
    {
        var config = transform.Config;
        switch (transform.Type)
        {
            case "null_remover":
                var impute = config.GetDictionary("impute");
                var strategy = config.GetString("strategy");
                if (strategy == "impute" && impute.Count == 0)
                {
                    diagnostics.Report(ConfigDiagnostics.MissingKey, config.PositionOf("strategy"), config.Path, "impute", " (strategy impute needs the method per field)");
                }
                else if (strategy == "drop" && impute.Count > 0)
                {
                    diagnostics.Report(ConfigDiagnostics.ConflictingKeys, config.PositionOf("impute"), config.PathOf("impute"), "'impute' is set but strategy is 'drop'; set strategy: impute, or remove impute");
                }

                var fill = config.GetDictionary("fill_values");
                foreach (var method in impute)
                {
                    if (method.Value.Value as string == "constant" && !fill.ContainsKey(method.Key))
                    {
                        diagnostics.Report(ConfigDiagnostics.MissingKey, method.Value.Position, config.PathOf("fill_values"), method.Key, " (the constant method takes the value from fill_values)");
                    }
                }

                break;
            case "deduplicator":
                if (config.Has("key_fields") && config.GetList("key_fields").Count == 0)
                {
                    diagnostics.Report(ConfigDiagnostics.InvalidValue, config.PositionOf("key_fields"), config.PathOf("key_fields"), "key_fields must name at least one field");
                }

                if (config.GetString("strategy") == "keep_last" && destination.GetString("write_mode") != "merge")
                {
                    diagnostics.Report(ConfigDiagnostics.ConflictingKeys, config.PositionOf("strategy"), config.PathOf("strategy"),
                        "keep_last keeps the last row of each key across batches through the destination's merge: set the destination's write_mode: merge, with a primary key equal to key_fields");
                }

                break;
        }
    }

    private void CheckMerge(ConfigSection config, RowSchemaDeclaration? schema)
    {
        if (config.GetString("write_mode") != "merge" || config.GetList("primary_key").Count > 0 || schema is { PrimaryKey.Count: > 0 })
        {
            return;
        }

        _diagnostics.Report(ConfigDiagnostics.MergeWithoutPrimaryKey, config.PositionOf("write_mode"), config.PathOf("write_mode"));
    }
}
