using System.Globalization;
using AiEtl.Cli.Binding;
using AiEtl.Json;

namespace AiEtl.Cli.Commands;

/// <summary>
/// The sensitive-data scan of a source read through the engine's own adapter (JSON, JSON Lines, SQLite, PostgreSQL):
/// the first rows, each column's values as text, scored by <see cref="SensitiveDataScanner.ScanColumn"/> as a CSV
/// column's are.
/// </summary>
internal static class RecordScan
{
    /// <summary>
    /// <paramref name="schema"/> with every field a nullable string: the readers then hand over each value's own text
    /// (a JSON number or object as its JSON text, a database column as its invariant text), as a CSV file holds it,
    /// and no value the inference did not see can fail a conversion.
    /// </summary>
    public static Schema AsText(Schema schema) =>
        new(schema.Name, [.. schema.Fields.Select(f => new Field(f.Name, FieldType.String) { IsNullable = true })]);

    /// <summary>Scans a JSON or JSON Lines file with the columns <paramref name="inferred"/> found in it (its top-level properties).</summary>
    /// <exception cref="EtlException">The file cannot be read, or a row of it is not JSON.</exception>
    public static Task<IReadOnlyList<SensitiveColumn>> ScanJsonAsync(JsonSourceOptions json, SchemaInferenceResult inferred, SensitiveScanOptions options, CancellationToken cancellation)
    {
        var text = AsText(inferred.Schema);
        return ScanAsync(new JsonSource<Record, RecordCodec>(json, PipelineBinder.Codec(text, "json", json.Path)), text, options, cancellation);
    }

    /// <summary>Reads the first <see cref="SensitiveScanOptions.SampleSize"/> rows of <paramref name="source"/> and scans each of <paramref name="schema"/>'s columns.</summary>
    /// <exception cref="EtlException">The source cannot be opened or read.</exception>
    public static async Task<IReadOnlyList<SensitiveColumn>> ScanAsync(ISource<Record> source, Schema schema, SensitiveScanOptions options, CancellationToken cancellation)
    {
        var names = schema.Fields.Select(f => f.Name).ToList();
        var columns = names.Select(_ => new List<string?>()).ToList();
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
                        columns[i].Add(Text(row[names[i]]));
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

        return [.. names.Select((name, i) => SensitiveDataScanner.ScanColumn(name, columns[i], options))];
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
