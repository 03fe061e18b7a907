using System.Buffers;
using System.Text;
using System.Text.Json;
using AiEtl.Cli.Binding;
using AiEtl.Configuration.Model;
using AiEtl.Csv;

namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// The rows of some entries written, as they are read, to a file the pipeline's own reader parses again (CSV with the
/// source's header and options, or JSON Lines), with the line each entry starts on (8 bytes an entry, never its text),
/// so a failure's location leads back to its entry.
/// </summary>
internal sealed class ReplayInputFile : IDisposable
{
    private readonly List<long> _startLines = [];
    private readonly StreamWriter _writer;
    private readonly ReplayInput _input;
    private long _line = 1;

    private ReplayInputFile(string path, ReplayInput input)
    {
        Path = path;
        _input = input;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 64 * 1024);
    }

    public string Path { get; }

    /// <summary>How many entries were added.</summary>
    public int Count => _startLines.Count;

    public static ReplayInputFile Create(string path, ReplayInput input, PipelineConfiguration config, Schema schema)
    {
        var file = new ReplayInputFile(path, input);
        if (input == ReplayInput.CsvLine && PipelineBinder.CsvOptions(config, new BindingProblems(config.FilePath)) is { HasHeader: true } csv)
        {
            file.WriteRow(HeaderOf(csv, schema));
        }

        return file;
    }

    /// <summary>Adds the row of an entry (its raw CSV line, or its JSON, made one line).</summary>
    public void Add(string raw)
    {
        _startLines.Add(_line);
        WriteRow(_input == ReplayInput.CsvLine ? raw.TrimEnd('\r', '\n') : OneLine(raw));
    }

    /// <summary>Flushes the rows, for the pipeline to read.</summary>
    public void Complete() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    /// <summary>The index of the entry a failure at <paramref name="location"/> of this file belongs to, or -1 when it does not say.</summary>
    public int EntryAt(DataLocation? location)
    {
        if (location?.Line is { } line)
        {
            var index = _startLines.BinarySearch(line);
            return index >= 0 ? index : ~index - 1;
        }

        // A row without a line (a source that counts rows only) is the entry of its number.
        return location?.Row is { } row && row >= 1 && row <= _startLines.Count ? (int)row - 1 : -1;
    }

    private void WriteRow(string row)
    {
        _line += row.Count(c => c == '\n') + 1;
        _writer.Write(row);
        _writer.Write('\n');
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
