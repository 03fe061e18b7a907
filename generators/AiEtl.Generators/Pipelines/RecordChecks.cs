using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AiEtl.Configuration.Validation;

namespace AiEtl.Generators;

/// <summary>
/// What only the compiler can check in a pipeline file: that <c>record:</c> names one <c>[EtlRecord]</c> type, that
/// every field a transform, a cursor or a key names is a field of it, that keys and cursors have types that can be
/// keys and cursors, that <c>merge</c> has a primary key, and that a CSV sample among the project's files has the
/// record's columns.
/// </summary>
internal static class RecordChecks
{
    public static Result<PipelinePlan?> Check(PipelineDeclaration pipeline, EquatableArray<EtlRecordSpec> records, EquatableArray<CsvSampleHeader> samples, EquatableArray<string> plainTypes)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (pipeline.InlineRecord is { } inline && records.Any(record => record.FullyQualifiedName == inline.FullyQualifiedName))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InlineRecordExists, pipeline.RecordLocation, inline.FullyQualifiedName.Substring("global::".Length)));
            return new Result<PipelinePlan?>(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        var record = pipeline.InlineRecord ?? Resolve(pipeline, records, plainTypes, diagnostics);
        if (record is null)
        {
            return new Result<PipelinePlan?>(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        var fields = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
        foreach (var field in record.Fields)
        {
            fields[field.FieldName] = field;
        }

        var context = new Context(record, fields, diagnostics);
        CheckSource(pipeline.Source, context);
        foreach (var transform in pipeline.Transforms)
        {
            CheckTransform(transform, context);
        }

        CheckDestination(pipeline.Destination, context);
        CheckSample(pipeline, samples, context);
        var failed = diagnostics.Exists(static d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return new Result<PipelinePlan?>(failed ? null : new PipelinePlan(pipeline, record), new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    private static EtlRecordSpec? Resolve(PipelineDeclaration pipeline, EquatableArray<EtlRecordSpec> records, EquatableArray<string> plainTypes, List<DiagnosticInfo> diagnostics)
    {
        if (pipeline.Record is not { } name)
        {
            return null; // AIETL1107 or AIETL1106 is already reported.
        }

        var qualified = name.StartsWith("global::", StringComparison.Ordinal) ? name : "global::" + name;
        var matches = new List<EtlRecordSpec>();
        foreach (var record in records)
        {
            if (record.FullyQualifiedName == qualified)
            {
                return record;
            }

            if (record.Name == name)
            {
                matches.Add(record);
            }
        }

        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count > 1)
        {
            var candidates = new List<string>();
            foreach (var match in matches)
            {
                candidates.Add(match.FullyQualifiedName.Substring("global::".Length));
            }

            candidates.Sort(StringComparer.Ordinal);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RecordAmbiguous, pipeline.RecordLocation, name, Suggestions.List(candidates)));
            return null;
        }

        if (plainTypes.Contains(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RecordIsNotEtlRecord, pipeline.RecordLocation, name));
            return null;
        }

        var names = new List<string>();
        foreach (var record in records)
        {
            names.Add(record.FullyQualifiedName.Substring("global::".Length));
        }

        var simple = name.Substring(name.LastIndexOf('.') + 1);
        var suggestion = Suggestions.DidYouMean(name, names);
        if (suggestion.Length == 0)
        {
            foreach (var record in records)
            {
                if (string.Equals(record.Name, simple, StringComparison.OrdinalIgnoreCase))
                {
                    suggestion = " (did you mean '" + record.FullyQualifiedName.Substring("global::".Length) + "'?)";
                }
            }
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RecordNotFound, pipeline.RecordLocation, name, suggestion));
        return null;
    }

    private static void CheckSource(AdapterDeclaration source, Context context)
    {
        if (source.Find("cursor_column") is { Text: { } cursor } cursorSetting && context.Field(cursor, cursorSetting.Location, cursorSetting.KeyPath) is { } field && !IsOrderable(field))
        {
            context.Report(DiagnosticDescriptors.CursorNotOrderable, cursorSetting.Location, cursor, Describe(field));
        }

        context.Fields(source.Find("key_columns"), keys: true);
    }

    private static void CheckTransform(AdapterDeclaration transform, Context context)
    {
        switch (transform.Type)
        {
            case "select":
            case "rename":
                context.Report(DiagnosticDescriptors.TransformChangesRecord, transform.Location, transform.Type, context.Record.Name);
                return;
            case "deduplicator":
                context.Fields(transform.Find("key_fields"), keys: true);
                WarnNullableKeys(transform.Find("key_fields"), context);
                return;
            case "quality_scorer":
                if (!context.Record.Fields.Any(static field => field.HasChecks))
                {
                    context.Report(DiagnosticDescriptors.QualityScoreWithoutChecks, transform.Location, context.Record.Name);
                }

                return;
            case "null_remover":
                context.Fields(transform.Find("fields"), keys: false);
                CheckImpute(transform, context);
                return;
        }
    }

    private static void WarnNullableKeys(SettingValue? keyFields, Context context)
    {
        for (var i = 0; keyFields is not null && i < keyFields.Items.Count; i++)
        {
            if (context.Record.Fields.FirstOrDefault(field => field.FieldName == keyFields.Items[i]) is { IsNullable: true })
            {
                context.Report(DiagnosticDescriptors.NullableKeyField, keyFields.ItemLocations[i], keyFields.Items[i]);
            }
        }
    }

    private static void CheckImpute(AdapterDeclaration transform, Context context)
    {
        if (transform.Find("impute") is not { } impute)
        {
            return;
        }

        for (var i = 0; i < impute.Items.Count; i++)
        {
            var method = impute.ItemValues[i];
            if (context.Field(impute.Items[i], impute.ItemLocations[i], impute.KeyPath) is { } field && method is "mean" or "median" && !IsNumeric(field))
            {
                context.Report(DiagnosticDescriptors.ImputeNeedsNumber, impute.ItemLocations[i], method, impute.Items[i], Describe(field));
            }
        }

        context.Fields(transform.Find("fill_values"), keys: false);
    }

    private static void CheckDestination(AdapterDeclaration destination, Context context)
    {
        var key = destination.Find("primary_key");
        context.Fields(key, keys: true);
        if (destination.Find("write_mode") is { Text: "merge" } merge && (key is null || key.Items.IsEmpty) && !HasPrimaryKey(context.Record))
        {
            context.Report(DiagnosticDescriptors.MergeNeedsRecordKey, merge.Location, context.Record.Name);
        }

        var conversions = new List<string>();
        foreach (var field in context.Record.Fields)
        {
            if (DestinationConversions.Of(destination.Type, field) is { } conversion)
            {
                conversions.Add(field.FieldName + " (" + Describe(field) + ") " + conversion);
            }
        }

        if (conversions.Count > 0)
        {
            context.Report(DiagnosticDescriptors.DestinationConversion, destination.Location, destination.Type, string.Join("; ", conversions));
        }
    }

    private static void CheckSample(PipelineDeclaration pipeline, EquatableArray<CsvSampleHeader> samples, Context context)
    {
        var source = pipeline.Source;
        if (source.Type != "csv" || source.Find("path") is not { Text: { } written } pathSetting || WithDefaults(written) is not { } path || source.Text("has_header") == "false")
        {
            return;
        }

        var full = Normalize(Path.Combine(Path.GetDirectoryName(pipeline.FilePath) ?? "", path));
        foreach (var sample in samples)
        {
            if (!string.Equals(Normalize(sample.FilePath), full, StringComparison.Ordinal))
            {
                continue;
            }

            if (sample.Line.Length == 0)
            {
                context.Report(DiagnosticDescriptors.SampleIsEmpty, pathSetting.Location, Path.GetFileName(sample.FilePath), context.Record.Name);
                return;
            }

            var delimiter = source.Text("delimiter") is { Length: 1 } d ? d[0] : ',';
            var ignoreCase = source.Text("ignore_header_case") != "false";
            var columns = sample.Columns(delimiter);
            var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var present = new HashSet<string>(columns, comparer);
            var declared = new HashSet<string>(comparer);
            foreach (var field in context.Record.Fields)
            {
                declared.Add(field.FieldName);
                if (!present.Contains(field.FieldName))
                {
                    context.Report(DiagnosticDescriptors.SampleLacksColumn, pathSetting.Location, Path.GetFileName(sample.FilePath), field.FieldName, context.Record.Name, Suggestions.DidYouMean(field.FieldName, columns));
                }
            }

            foreach (var column in columns)
            {
                if (column.Length > 0 && !declared.Contains(column))
                {
                    context.Report(DiagnosticDescriptors.SampleHasExtraColumn, pathSetting.Location, Path.GetFileName(sample.FilePath), column, context.Record.Name);
                }
            }

            return;
        }
    }

    /// <summary>The text with each <c>${VAR:-default}</c> replaced by its default; <see langword="null"/> when a placeholder has none.</summary>
    private static string? WithDefaults(string text)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            var close = text.IndexOf('}', open);
            var separator = close < 0 ? -1 : text.IndexOf(":-", open, close - open, StringComparison.Ordinal);
            if (separator < 0)
            {
                return null;
            }

            result.Append(text, i, open - i).Append(text, separator + 2, close - separator - 2);
            i = close + 1;
        }

        return result.ToString();
    }

    /// <summary>The full path with '/' separators, or the path as it is when it is not a valid one.</summary>
    internal static string Normalize(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (ArgumentException)
        {
            return path.Replace('\\', '/');
        }
        catch (NotSupportedException)
        {
            return path.Replace('\\', '/');
        }
    }

    private static bool HasPrimaryKey(EtlRecordSpec record)
    {
        foreach (var field in record.Fields)
        {
            if (field.IsPrimaryKey)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumeric(FieldSpec field) => field.Collection == CollectionKind.None
        && field.Kind is FieldValueKind.Int16 or FieldValueKind.Int32 or FieldValueKind.Int64 or FieldValueKind.Single or FieldValueKind.Double or FieldValueKind.Decimal;

    private static bool IsOrderable(FieldSpec field) => field.Collection == CollectionKind.None
        && field.Kind is not (FieldValueKind.Boolean or FieldValueKind.Json or FieldValueKind.JsonElement or FieldValueKind.Guid or FieldValueKind.Enum);

    internal static bool IsKeyable(FieldSpec field) => field.Collection == CollectionKind.None && field.Kind is not (FieldValueKind.Json or FieldValueKind.JsonElement);

    internal static string Describe(FieldSpec field) => field.Collection != CollectionKind.None
        ? "a list of " + field.Kind.ToString().ToLowerInvariant()
        : field.Kind switch
        {
            FieldValueKind.Json or FieldValueKind.JsonElement => "JSON",
            FieldValueKind.Enum => "an enum",
            _ => field.Kind.ToString().ToLowerInvariant(),
        };

    /// <summary>The record's fields and the diagnostics found so far.</summary>
    private sealed class Context(EtlRecordSpec record, Dictionary<string, FieldSpec> fields, List<DiagnosticInfo> diagnostics)
    {
        public EtlRecordSpec Record { get; } = record;

        public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
            diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        /// <summary>The field <paramref name="name"/>, or <see langword="null"/> after reporting that the record lacks it.</summary>
        public FieldSpec? Field(string name, LocationInfo? location, string keyPath)
        {
            if (fields.TryGetValue(name, out var field))
            {
                return field;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownRecordField, location, keyPath, name, Record.Name, Suggestions.DidYouMean(name, fields.Keys), Suggestions.List(fields.Keys))
                with
            { Suggestion = Suggestions.Closest(name, fields.Keys) });
            return null;
        }

        /// <summary>Checks each field a list or dictionary setting names; <paramref name="keys"/> when they identify rows.</summary>
        public void Fields(SettingValue? setting, bool keys)
        {
            if (setting is null)
            {
                return;
            }

            for (var i = 0; i < setting.Items.Count; i++)
            {
                var location = i < setting.ItemLocations.Count ? setting.ItemLocations[i] : setting.Location;
                if (Field(setting.Items[i], location, setting.KeyPath) is { } field && keys && !IsKeyable(field))
                {
                    Report(DiagnosticDescriptors.FieldCannotBeKey, location, setting.Items[i], Describe(field));
                }
            }
        }
    }
}
