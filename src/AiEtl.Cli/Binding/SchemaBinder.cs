using System.Runtime.CompilerServices;
using AiEtl.Configuration.Model;
using AiEtl.Csv;
using AiEtl.Json;
using AiEtl.Postgres;
using AiEtl.Sqlite;

namespace AiEtl.Cli.Binding;

/// <summary>
/// The row schema of a run: the declared one (inline or from a JSON Schema file), else inferred from a sample of a CSV,
/// JSON or JSON Lines file, else read from a database's catalog.
/// </summary>
internal static class SchemaBinder
{
    public static async Task<ResolvedSchema?> ResolveAsync(PipelineConfiguration config, BindingProblems problems, CancellationToken cancellationToken)
    {
        var source = config.Source;
        var sourceSection = config.Root.GetSection("pipeline").GetSection("source");
        if (source.Schema is { } declared)
        {
            return SchemaConversion.ToSchema(declared, config.Name, sourceSection.GetSection("schema"), problems) is { } schema ? new ResolvedSchema(schema) : null;
        }

        switch (source.Adapter.Type)
        {
            case "csv":
                var csv = PipelineBinder.CsvOptions(config, problems);
                if (csv is null)
                {
                    return null;
                }

                // The source then reads with what the inference found (null tokens such as NA, a decimal comma), or the
                // inferred integers and decimals would fail on the very values that decided them.
                var inferred = CsvSchemaInference.Analyze(csv, new SchemaInferenceOptions
                {
                    SampleSize = source.InferenceSampleSize,
                    MinConfidence = source.InferenceMinConfidence,
                });
                return new ResolvedSchema(inferred.Schema, CsvSchemaInference.ReadOptions(csv, inferred));
            case "json":
            case "jsonl":
                return new ResolvedSchema(JsonSchemaInference.Infer(PipelineBinder.JsonOptions(config), new SchemaInferenceOptions
                {
                    SampleSize = source.InferenceSampleSize,
                    MinConfidence = source.InferenceMinConfidence,
                }));
            case "sqlite":
                return new ResolvedSchema(await SqliteCatalog.GetSchemaAsync(PipelineBinder.SqliteOptions(config), cancellationToken).ConfigureAwait(false));
            case "postgres":
                return new ResolvedSchema(await PostgresSchemaAsync(source.Adapter.Config, cancellationToken).ConfigureAwait(false));
            default:
                problems.NotSupported(sourceSection, "type", "inferring the schema of a " + source.Adapter.Type + " source (declare it under source.schema or source.schema_file)");
                return null;
        }
    }

    // A method of its own, so that compiling the one above does not load Npgsql (PostgresSourceOptions holds its SslMode)
    // for the pipelines that never connect to PostgreSQL.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<Schema> PostgresSchemaAsync(ConfigSection config, CancellationToken cancellationToken) =>
        PostgresCatalog.GetSchemaAsync(PipelineBinder.PostgresSourceOptions(config), cancellationToken);
}
