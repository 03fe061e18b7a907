using System.Buffers;
using System.Text;
using System.Text.Json;
using AiEtl.Cli.Binding;
using AiEtl.Configuration.Model;
using AiEtl.Csv;

namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// The rows of some entries written to a file the pipeline's own reader parses again (CSV with the source's header
/// and options, or JSON Lines), with the line each entry starts on, so a failure's location leads back to its entry.
/// </summary>
internal sealed class ReplayInputFile
{
    private readonly long[] _startLines;

    private ReplayInputFile(string path, long[] startLines)
    {
        Path = path;
        _startLines = startLines;
    }

    public string Path { get; }

    public static ReplayInputFile Write(string path, ReplayInput input, IReadOnlyList<DeadLetterEntry> entries, PipelineConfiguration config, Schema schema)
    {
        var text = new StringBuilder();
        var line = 1L;
        if (input == ReplayInput.CsvLine && PipelineBinder.CsvOptions(config, new BindingProblems(config.FilePath)) is { HasHeader: true } csv)
        {
            text.Append(HeaderOf(csv, schema)).Append('\n');
            line++;
        }

        var starts = new long[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var row = input == ReplayInput.CsvLine ? entries[i].Raw!.TrimEnd('\r', '\n') : OneLine(entries[i].Raw!);
            starts[i] = line;
            line += row.Count(c => c == '\n') + 1;
            text.Append(row).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return new ReplayInputFile(path, starts);
    }

    /// <summary>The index of the entry a failure at <paramref name="location"/> of this file belongs to, or -1 when it does not say.</summary>
    public int EntryAt(DataLocation? location)
    {
        if (location?.Line is { } line)
        {
            var index = Array.BinarySearch(_startLines, line);
            return index >= 0 ? index : ~index - 1;
        }

        // A row without a line (a source that counts rows only) is the entry of its number.
        return location?.Row is { } row && row >= 1 && row <= _startLines.Length ? (int)row - 1 : -1;
    }

    // The source's own header, so columns bind by name as in a run; the schema's field names when the file is gone.
    private static string HeaderOf(CsvSourceOptions csv, Schema schema)
    {
        IEnumerable<string> names;
        try
        {
            names = CsvSchemaInference.Infer(csv, new SchemaInferenceOptions { SampleSize = 1 }).Fields.Select(f => f.Name);
        }
        catch (Exception error) when (error is EtlException or IOException)
        {
            names = schema.Fields.Select(f => f.Name);
        }

        var delimiter = csv.Delimiter.ToString();
        var quote = csv.Quote.ToString();
        return string.Join(delimiter, names.Select(n => n.Contains(delimiter, StringComparison.Ordinal) || n.Contains(quote, StringComparison.Ordinal) || n.Contains('\n')
            ? quote + n.Replace(quote, quote + quote, StringComparison.Ordinal) + quote
            : n));
    }

    // A JSON Lines reader wants an object a line: a pretty-printed one is written compact; malformed JSON keeps its text, its line breaks made spaces.
    private static string OneLine(string raw)
    {
        try
        {
            using var json = JsonDocument.Parse(raw);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.RootElement.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (JsonException)
        {
            return raw.Replace('\r', ' ').Replace('\n', ' ');
        }
    }
}
