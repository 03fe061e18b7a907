using System.Globalization;
using AiEtl.Cli.Binding;
using AiEtl.Json;

namespace AiEtl.Cli.Commands;

/// <summary>
/// The sensitive-data scan of a source read through the engine's own adapter (JSON, JSON Lines, SQLite, PostgreSQL):
/// the first rows, each column's values as text, scored by <see cref="SensitiveDataScanner.ScanColumn"/> as a CSV
/// column's are. A JSON source's nested objects and arrays are flattened first: each scalar inside is scored in the
/// column of its path (<see cref="JsonPathColumns"/>).
/// </summary>
internal static class RecordScan
{
    /// <summary>
    /// <paramref name="schema"/> with every field a nullable string: the readers then hand over each value's own text
    /// (a database column as its invariant text), as a CSV file holds it, and no value the inference did not see can
    /// fail a conversion.
    /// </summary>
    public static Schema AsText(Schema schema) => With(schema, FieldType.String);

    /// <summary>
    /// <paramref name="schema"/> with every field nullable JSON: the JSON source then hands over each value's JSON text
    /// (a string quoted, an object as an object), so a nested object is told from a string that looks like one.
    /// </summary>
    public static Schema AsJson(Schema schema) => With(schema, FieldType.Json);

    /// <summary>Scans a JSON or JSON Lines file with the fields <paramref name="inferred"/> found in it (its top-level properties) and the paths inside them.</summary>
    /// <exception cref="EtlException">The file cannot be read, or a row of it is not JSON.</exception>
    public static Task<ScannedColumns> ScanJsonAsync(JsonSourceOptions json, SchemaInferenceResult inferred, SensitiveScanOptions options, CancellationToken cancellation)
    {
        var schema = AsJson(inferred.Schema);
        return ScanJsonAsync(new JsonSource<Record, RecordCodec>(json, PipelineBinder.Codec(schema, "json", json.Path)), schema, options, cancellation);
    }

    /// <summary>Scans a JSON source built with <see cref="AsJson"/>: the fields of <paramref name="schema"/>, and the paths inside those that hold objects or arrays.</summary>
    /// <exception cref="EtlException">The source cannot be opened or read.</exception>
    public static async Task<ScannedColumns> ScanJsonAsync(ISource<Record> source, Schema schema, SensitiveScanOptions options, CancellationToken cancellation)
    {
        var paths = new JsonPathColumns([.. schema.Fields.Select(f => f.Name)], options.SampleSize);
        await ReadAsync(source, schema, options, (i, value) => paths.Add(i, (string?)value), cancellation).ConfigureAwait(false);
        var columns = paths.Columns().ToList();
        return new ScannedColumns
        {
            Columns = [.. columns.Select(c => SensitiveDataScanner.ScanColumn(c.Name, c.Values, options))],
            Fields = [.. columns.Select(c => c.Field)],
            FieldsHoldingContainers = paths.FieldsHoldingContainers().ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Reads the first <see cref="SensitiveScanOptions.SampleSize"/> rows of <paramref name="source"/> and scans each of <paramref name="schema"/>'s columns.</summary>
    /// <exception cref="EtlException">The source cannot be opened or read.</exception>
    public static async Task<ScannedColumns> ScanAsync(ISource<Record> source, Schema schema, SensitiveScanOptions options, CancellationToken cancellation)
    {
        var columns = schema.Fields.Select(_ => new List<string?>()).ToList();
        await ReadAsync(source, schema, options, (i, value) => columns[i].Add(Text(value)), cancellation).ConfigureAwait(false);
        return ScannedColumns.Flat([.. schema.Fields.Select((field, i) => SensitiveDataScanner.ScanColumn(field.Name, columns[i], options))]);
    }

    private static Schema With(Schema schema, FieldType type) =>
        new(schema.Name, [.. schema.Fields.Select(f => new Field(f.Name, type) { IsNullable = true })]);

    // Hands each value of the first rows to take, with its field's ordinal.
    private static async Task ReadAsync(ISource<Record> source, Schema schema, SensitiveScanOptions options, Action<int, object?> take, CancellationToken cancellation)
    {
        var names = schema.Fields.Select(f => f.Name).ToList();
        await using (source.ConfigureAwait(false))
        {
            await source.ConnectAsync(cancellation).ConfigureAwait(false);
            var context = new ReadContext(Math.Min(options.SampleSize, 1000), new FailingRowErrorSink()) { KeepsState = false };
            var rows = 0;
            await foreach (var batch in source.ReadAsync(context, cancellation).ConfigureAwait(false))
            {
                foreach (var row in batch.Rows)
                {
                    if (rows++ == options.SampleSize)
                    {
                        break;
                    }

                    for (var i = 0; i < names.Count; i++)
                    {
                        take(i, row[names[i]]);
                    }
                }

                batch.Release();
                if (rows >= options.SampleSize)
                {
                    break;
                }
            }

            await source.CloseAsync(cancellation).ConfigureAwait(false);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
