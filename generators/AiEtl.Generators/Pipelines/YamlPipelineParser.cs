using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using AiEtl.Configuration;
using AiEtl.Configuration.Model;
using AiEtl.Configuration.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators;

/// <summary>
/// Reads one <c>*.etl.yaml</c> file with the configuration model that <c>aietl</c> uses (for the compiler: text
/// placeholders are kept for run time and no environment is read), and reduces it to a <see cref="PipelineDeclaration"/>.
/// Every problem the model finds is reported at its line and column in the file, with the same <c>AIETL1nnn</c> id.
/// </summary>
internal static class YamlPipelineParser
{
    private static readonly PipelineLoadOptions ForCompiler = new() { ForCompiler = true };

    public static Result<PipelineDeclaration?> Parse(string filePath, SourceText? text, ProjectInfo project, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            var unreadable = DiagnosticInfo.Create(DiagnosticDescriptors.PipelineFileUnreadable, null, filePath);
            return new Result<PipelineDeclaration?>(null, new EquatableArray<DiagnosticInfo>([unreadable]));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Parse(text.ToString(), filePath, position => YamlLocations.At(filePath, text, position), project);
    }

    /// <summary>Parses pipeline text whose positions <paramref name="locate"/> turns into compiler locations (a file's, or the attributes' it was written from).</summary>
    public static Result<PipelineDeclaration?> Parse(string text, string filePath, Func<YamlPosition, LocationInfo> locate, ProjectInfo project)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var loaded = PipelineConfigurationLoader.Parse(text, filePath, ForCompiler);
        foreach (var found in loaded.Diagnostics)
        {
            var message = found.KeyPath.Length > 0 ? found.KeyPath + ": " + found.Message : found.Message;
            diagnostics.Add(DiagnosticInfo.Create(ConfigDescriptors.For(found.Descriptor), locate(found.Position), message));
        }

        var config = loaded.Configuration;
        if (config is null)
        {
            return new Result<PipelineDeclaration?>(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        var reader = new Reader(locate);
        var sourceSection = config.Root.GetSection("pipeline").GetSection("source");
        var recordLocation = reader.At(sourceSection.PositionOf(sourceSection.Has("record") ? "record" : "type"));
        if (config.Source.SchemaOrigin == SchemaOrigin.File)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SchemaFileNotCompiled, reader.At(sourceSection.PositionOf("schema_file")), config.Name));
        }
        else if (config.Source.SchemaOrigin == SchemaOrigin.Inferred && config.Source.Record is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PipelineHasNoRecord, reader.At(sourceSection.PositionOf("type")), config.Name));
        }

        var className = PipelineNames.ClassName(config.Name);
        EtlRecordSpec? inline = null;
        if (config.Source.SchemaOrigin == SchemaOrigin.Inline && config.Source.Schema is { } schema)
        {
            inline = InlineRecords.Spec(schema, config.Source.Record, config.Name, project.RootNamespace, reader, diagnostics);
        }

        var declaration = new PipelineDeclaration(
            filePath,
            project.RelativePath(filePath),
            project.RootNamespace,
            className,
            config.Name,
            reader.At(config.Root.GetSection("pipeline").PositionOf("name")),
            config.Description,
            inline is null ? config.Source.Record : null,
            recordLocation,
            inline,
            reader.Adapter(config.Source.Adapter, sourceSection),
            new EquatableArray<AdapterDeclaration>(Transforms(config, reader)),
            reader.Adapter(config.Destination.Adapter, config.Root.GetSection("pipeline").GetSection("destination")),
            config.Destination.SchemaMode,
            reader.Options(config));
        return new Result<PipelineDeclaration?>(declaration, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    private static AdapterDeclaration[] Transforms(PipelineConfiguration config, Reader reader)
    {
        var sections = config.Root.GetSection("pipeline").GetSections("transforms");
        var transforms = new AdapterDeclaration[config.Transforms.Count];
        for (var i = 0; i < transforms.Length; i++)
        {
            transforms[i] = reader.Adapter(config.Transforms[i], sections[i]);
        }

        return transforms;
    }

    private static T[] ToArray<T>(IReadOnlyList<T> list)
    {
        var array = new T[list.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = list[i];
        }

        return array;
    }

    /// <summary>Converts the model's sections to plain settings, with locations in this file.</summary>
    internal sealed class Reader(Func<YamlPosition, LocationInfo> locate)
    {
        public LocationInfo At(YamlPosition position) => locate(position);

        /// <summary>The adapter, located at the value of its <c>type</c> in <paramref name="section"/>.</summary>
        public AdapterDeclaration Adapter(AdapterSettings adapter, ConfigSection section) =>
            new(adapter.Type, adapter.Path, Settings(adapter.Config), At(section.PositionOf("type")));

        public EquatableArray<SettingValue> Settings(ConfigSection section)
        {
            var settings = new List<SettingValue>();
            foreach (var pair in section.Settings)
            {
                settings.Add(Setting(section, pair.Key, pair.Value));
            }

            return new EquatableArray<SettingValue>(settings.ToArray());
        }

        /// <summary>The run's settings under flat names (<c>batch_size</c>, <c>on_load_error</c>, <c>masking.strategy</c>, ...).</summary>
        public AdapterDeclaration Options(PipelineConfiguration config)
        {
            var execution = config.Execution;
            var retry = execution.RetryPolicy;
            var settings = new List<SettingValue>
            {
                Scalar("batch_size", Invariant(execution.BatchSize)),
                Scalar("max_workers", Invariant(execution.MaxWorkers)),
                Scalar("commit_every", execution.CommitEvery is { } commitEvery ? Invariant(commitEvery) : null),
                Scalar("batches_in_flight", Invariant(execution.BatchesInFlight)),
                Scalar("timeout_seconds", execution.TimeoutSeconds is { } timeout ? timeout.ToString("R", CultureInfo.InvariantCulture) : null),
                Scalar("max_retries", Invariant(retry.MaxRetries)),
                Scalar("backoff_multiplier", retry.BackoffMultiplier.ToString("R", CultureInfo.InvariantCulture)),
                Scalar("max_backoff_seconds", retry.MaxBackoffSeconds.ToString("R", CultureInfo.InvariantCulture)),
                List("retryable_errors", retry.RetryableErrors),
                Scalar("on_extract_error", config.ErrorHandling.OnExtractError),
                Scalar("on_transform_error", config.ErrorHandling.OnTransformError),
                Scalar("on_load_error", config.ErrorHandling.OnLoadError),
                Scalar("dead_letter_queue", config.ErrorHandling.DeadLetterQueue),
                Scalar("state_file", config.Source.StateFile),
                Scalar("masking.enabled", config.Masking.Enabled ? "true" : "false"),
                Scalar("masking.strategy", config.Masking.Strategy),
                Scalar("masking.hash_key", config.Masking.HashKey),
                Scalar("masking.mask_dead_letter_rows", config.Masking.MaskDeadLetterRows ? "true" : "false"),
            };
            settings.RemoveAll(static setting => setting.Text is null && setting.Items.IsEmpty);
            return new AdapterDeclaration("options", "pipeline", new EquatableArray<SettingValue>(settings.ToArray()), null);
        }

        private SettingValue Setting(ConfigSection section, string key, ConfigSetting setting)
        {
            var path = section.PathOf(key);
            var location = At(setting.Position);
            switch (setting.Value)
            {
                case IReadOnlyList<string> list:
                    var items = new string[list.Count];
                    var locations = new LocationInfo[list.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = list[i];
                        locations[i] = At(section.PositionOfItem(key, i));
                    }

                    return new SettingValue(key, path, null, new EquatableArray<string>(items), new EquatableArray<LocationInfo>(locations), default, location);
                case IReadOnlyDictionary<string, ConfigSetting> dictionary:
                    var names = new List<string>();
                    var entryLocations = new List<LocationInfo>();
                    var values = new List<string>();
                    foreach (var entry in dictionary)
                    {
                        names.Add(entry.Key);
                        entryLocations.Add(At(entry.Value.Position));
                        values.Add(TextOf(entry.Value.Value) ?? "");
                    }

                    return new SettingValue(
                        key,
                        path,
                        null,
                        new EquatableArray<string>(names.ToArray()),
                        new EquatableArray<LocationInfo>(entryLocations.ToArray()),
                        new EquatableArray<string>(values.ToArray()),
                        location);
                default:
                    return new SettingValue(key, path, TextOf(setting.Value), default, default, default, location);
            }
        }

        private static SettingValue Scalar(string key, string? value) => new(key, "pipeline." + key, value, default, default, default, null);

        private static SettingValue List(string key, IReadOnlyList<string> values) =>
            new(key, "pipeline." + key, null, new EquatableArray<string>(ToArray(values)), default, default, null);

        private static string? TextOf(object? value) => value switch
        {
            null => null,
            string text => text,
            bool flag => flag ? "true" : "false",
            long whole => whole.ToString(CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
