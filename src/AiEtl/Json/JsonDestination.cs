using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AiEtl.Internal;

namespace AiEtl.Json;

/// <summary>
/// Writes rows to a JSON file: one array of objects, or one object per line;
/// nested JSON fields and arrays as JSON, optional indentation, gzip/zip/bz2/zstd compression. Rows
/// stream through a temp file beside the target (never the whole output in memory) that replaces the
/// target atomically when the run completes; the schema can be exported beside it as JSON Schema 2020-12.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows give their fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public class JsonDestination<T, TCodec> : FileDestination<T>
    where TCodec : struct, IRowCodec<T>
{
    private const int TailScanBytes = 64 * 1024;
    private const int FirstRowScanBytes = 1024 * 1024;
    private readonly JsonDestinationOptions _options;
    private readonly TCodec _codec;
    private readonly JsonFormat _format;
    private readonly JsonEncodedText[] _names;
    private readonly byte[][] _compactNames;
    private Utf8JsonWriter? _writer;

    /// <summary>Creates a destination for the file in <paramref name="options"/>, writing rows with <paramref name="codec"/>.</summary>
    public JsonDestination(JsonDestinationOptions options, TCodec codec)
        : base((options ?? throw new ArgumentNullException(nameof(options))).Path, options.WriteMode, options.Compression, encoding: null, options.CompressionLevel, options.SchemaMode)
    {
        _options = options;
        _codec = codec;
        _format = options.Format ?? JsonFormats.FromPath(options.Path);
        _names = [.. codec.Schema.Fields.Select(f => JsonEncodedText.Encode(f.Name))];
        _compactNames = CompactJsonFieldWriter.EncodeNames(_names);
    }

    /// <inheritdoc />
    public override string DestinationType => _format == JsonFormat.Lines ? "jsonl" : "json";

    /// <summary>Where the schema is exported to.</summary>
    public string SchemaPath => _options.SchemaPath is { } path
        ? Path.GetFullPath(path)
        : Path.Combine(Path.GetDirectoryName(TargetPath)!, $"{Path.GetFileNameWithoutExtension(FileCompressions.InnerName(TargetPath, Compression))}.schema.json");

    /// <inheritdoc />
    protected override void OnSchema(Schema schema) => TableComparison.RequireCodecFields(_codec.Schema, schema, new DataLocation(DisplayPath));

    /// <inheritdoc />
    protected override void CheckOptions()
    {
        if (_options.Pretty && _format == JsonFormat.Lines)
        {
            throw new PipelineConfigurationException("pretty printing needs the array format: a JSON line must stay on one line", new DataLocation(DisplayPath));
        }

        if (WriteMode == WriteMode.Append && _format == JsonFormat.Array && Compression != FileCompression.None)
        {
            throw new PipelineConfigurationException(
                "appending to a compressed JSON array is refused: its closing bracket is inside the compressed data; use the lines format or an uncompressed file",
                new DataLocation(DisplayPath));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// JSON rows carry their field names, so an append under other fields misplaces no value and is not refused; the
    /// schema mode fail_if_missing compares the fields of the file's first row (every row has every field, nulls
    /// included) with the rows' fields, in any order. A first row longer than <see cref="FirstRowScanBytes"/> is not compared.
    /// </remarks>
    protected override void CheckExisting(Stream content, bool strict)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!strict || FirstRowNames(content) is not var (names, line))
        {
            return;
        }

        var fields = _codec.Schema.Fields.Select(f => f.Name).ToList();
        if (ColumnDifference.Describe(names, fields, orderMatters: false) is { } difference)
        {
            throw new SchemaException(
                $"the existing file's first row has the fields '{string.Join(",", names)}', not '{string.Join(",", fields)}' of {_codec.Schema.Name}: {difference}",
                new DataLocation(DisplayPath) { Line = line });
        }
    }

    /// <inheritdoc />
    protected override bool PrepareAppend(FileStream copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (Compression != FileCompression.None)
        {
            return true;
        }

        var tailLength = (int)Math.Min(copy.Length, TailScanBytes);
        var tail = new byte[tailLength];
        copy.Seek(-tailLength, SeekOrigin.End);
        copy.ReadExactly(tail);
        var end = LastNonWhitespace(tail, tail.Length);
        if (_format == JsonFormat.Lines)
        {
            if (tail[^1] != '\n')
            {
                copy.Seek(0, SeekOrigin.End);
                copy.WriteByte((byte)'\n');
            }

            return true;
        }

        if (end < 0 || tail[end] != ']')
        {
            throw new SchemaException("the file to append to does not end with the closing bracket of a JSON array", new DataLocation(DisplayPath));
        }

        // Cut the closing bracket (and the whitespace before it); the epilogue writes it again after the new rows.
        var last = LastNonWhitespace(tail, end);
        copy.SetLength(copy.Length - tailLength + last + 1);
        return last >= 0 && tail[last] != '[';
    }

    /// <inheritdoc />
    /// <remarks>Indented output shares one <see cref="Utf8JsonWriter"/> between batches, so it is formatted on the load thread.</remarks>
    public override bool EncodesAhead => !_options.Pretty;

    /// <inheritdoc />
    protected override int RowSeparatorLength => _format == JsonFormat.Array ? 1 : 0;

    /// <inheritdoc />
    protected override void WritePrologue(IBufferWriter<byte> output)
    {
        if (_format == JsonFormat.Array)
        {
            output.Write(_options.Pretty ? "[\n"u8 : "["u8);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void WriteRows(ReadOnlySpan<T> rows, IBufferWriter<byte> output, long rowsBefore)
    {
        if (_options.Pretty)
        {
            WriteIndentedRows(rows, output, rowsBefore);
            return;
        }

        // Compact rows (every line of JSON Lines, a plain array) are formatted straight into the output;
        // the bytes are those Utf8JsonWriter writes (CompactJsonFieldWriterTests compares the two).
        var fields = new CompactJsonFieldWriter(output, _compactNames);
        var lines = _format == JsonFormat.Lines;
        var index = rowsBefore;
        foreach (ref readonly var row in rows)
        {
            fields.WriteStartObject(!lines && index > 0 ? ","u8 : default);
            _codec.Write(in row, ref fields);
            fields.WriteEndObject(lines ? "\n"u8 : default);
            index++;
        }

        fields.Flush();
    }

    // Indented arrays go through Utf8JsonWriter, flushed after each row so the separators between rows land in order.
    private void WriteIndentedRows(ReadOnlySpan<T> rows, IBufferWriter<byte> output, long rowsBefore)
    {
        var writer = Writer(output);
        var fields = new JsonFieldWriter(writer, _names);
        var index = rowsBefore;
        foreach (ref readonly var row in rows)
        {
            if (_format == JsonFormat.Array && index > 0)
            {
                output.Write(_options.Pretty ? ",\n"u8 : ","u8);
            }

            writer.WriteStartObject();
            _codec.Write(in row, ref fields);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset(output);
            if (_format == JsonFormat.Lines)
            {
                output.Write("\n"u8);
            }

            index++;
        }
    }

    /// <inheritdoc />
    protected override void WriteEpilogue(IBufferWriter<byte> output)
    {
        if (_format == JsonFormat.Array)
        {
            output.Write(_options.Pretty ? "\n]\n"u8 : "]\n"u8);
        }
    }

    /// <inheritdoc />
    protected override void OnPublished()
    {
        if (_options.ExportSchema)
        {
            WriteFileAtomically(SchemaPath, Encoding.UTF8.GetBytes(JsonSchemaExport.ToJson(Schema ?? _codec.Schema)));
        }
    }

    /// <inheritdoc />
    public override async ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }

        await base.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    private Utf8JsonWriter Writer(IBufferWriter<byte> output)
    {
        if (_writer is null)
        {
            // Relaxed escaping: non-ASCII text stays readable UTF-8 (a file is not HTML, so <, > and & need no escaping).
            _writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = _options.Pretty, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
        else
        {
            _writer.Reset(output);
        }

        return _writer;
    }

    // The property names of the first object (of the array, or the first line) and its line; null when it does not end within the scan.
    private static (List<string> Names, long Line)? FirstRowNames(Stream content)
    {
        var buffer = new byte[FirstRowScanBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = content.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        var reader = new Utf8JsonReader(buffer.AsSpan(0, length), isFinalBlock: length < buffer.Length, default);
        var names = new List<string>();
        var rowDepth = -1;
        long line = 1;
        try
        {
            while (reader.Read())
            {
                if (rowDepth < 0 && reader.TokenType == JsonTokenType.StartObject)
                {
                    rowDepth = reader.CurrentDepth;
                    line += buffer.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                }
                else if (rowDepth >= 0 && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == rowDepth + 1)
                {
                    names.Add(reader.GetString()!);
                }
                else if (rowDepth >= 0 && reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == rowDepth)
                {
                    return (names, line);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON the scan can follow: the append or the replace finds out, as without the check.
        }

        return null;
    }

    private static int LastNonWhitespace(byte[] bytes, int before)
    {
        var i = before - 1;
        while (i >= 0 && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i--;
        }

        return i;
    }
}
