using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AiEtl.Fields;
using AiEtl.State;
using CsvHelper;

namespace AiEtl.Csv;

/// <summary>
/// Reads a CSV file into typed records with their generated codec, streaming in batches. Header
/// names are bound to schema fields once per file. A row that cannot be read (wrong field count,
/// bad quoting, a value that does not parse) goes to the pipeline's error policy with its file,
/// line, column and raw text. Incremental: the checkpoint holds the byte offset and line of the next
/// unread row, so a rerun reads only what was appended.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows are built from fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public class CsvSource<T, TCodec> : ISource<T>
    where TCodec : struct, IRowCodec<T>
{
    private const string ByteOffsetKey = "byte_offset";
    private const string LineKey = "line";
    private const int MaxValueInMessage = 80;

    private readonly CsvSourceOptions _options;
    private readonly TCodec _codec;
    private SourceState _state = new();

    /// <summary>Creates a source for the file in <paramref name="options"/>, building rows with <paramref name="codec"/>.</summary>
    public CsvSource(CsvSourceOptions options, TCodec codec)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        _options = options;
        _codec = codec;
        SourceId = Path.GetFullPath(options.Path);
    }

    /// <inheritdoc />
    public string SourceType => "csv";

    /// <inheritdoc />
    public string SourceId { get; }

    /// <inheritdoc />
    public bool SupportsIncremental => true;

    private string DisplayPath => _options.Path;

    /// <inheritdoc />
    public ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(SourceId))
        {
            throw new PipelineConfigurationException("the CSV file does not exist", new DataLocation(DisplayPath));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<Schema> GetSchemaAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_codec.Schema);

    /// <inheritdoc />
    public SourceState GetState() => _state;

    /// <inheritdoc />
    public void SetState(SourceState state) => _state = state ?? throw new ArgumentNullException(nameof(state));

    /// <inheritdoc />
    public ValueTask CloseAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => CloseAsync();

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch<T>> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var schema = _codec.Schema;
        var startOffset = CustomLong(_state.Checkpoint, ByteOffsetKey) ?? 0;
        var startLine = CustomLong(_state.Checkpoint, LineKey) ?? 1;
        var malformed = new Queue<CsvMalformedRecord>();
        var options = ReaderOptions(malformed);

        int[] columns;
        int expectedFieldCount;
        if (_options.HasHeader)
        {
            IReadOnlyList<string> header = ReadHeader(options);
            columns = CsvColumnBinding.Bind(schema, header, DisplayPath, _options.IgnoreHeaderCase, context.Warn);
            expectedFieldCount = header.Count;
        }
        else
        {
            columns = [.. Enumerable.Range(0, schema.Fields.Count)];
            expectedFieldCount = schema.Fields.Count;
        }

        await using var stream = OpenAt(startOffset);
        var resuming = startOffset > 0 || !_options.HasHeader;
        using var csv = CsvReader.Create(stream, resuming ? options with { HasHeader = false } : options, leaveOpen: true);
        var firstLine = resuming ? startLine : 1;
        var processed = _state.RecordsProcessed;
        var batch = new SourceBatch<T>(context.BatchSize);
        long lastLine = firstLine;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (CsvFormatException error)
            {
                throw new ReadException(error.Message, new DataLocation(DisplayPath) { Line = firstLine + error.LineNumber - 1 }, error);
            }

            while (malformed.TryDequeue(out var bad))
            {
                batch.RecordsRead++;
                processed++;
                await context.Errors.ReportAsync(MalformedError(bad, firstLine), cancellationToken).ConfigureAwait(false);
            }

            if (!more)
            {
                break;
            }

            var line = firstLine + csv.LineNumber - 1;
            if (batch.RecordsRead >= context.BatchSize)
            {
                batch.StateAfter = Position(processed, startOffset + csv.ByteOffset, line);
                _state = batch.StateAfter;
                yield return batch;
                batch = new SourceBatch<T>(context.BatchSize);
            }

            batch.RecordsRead++;
            processed++;
            lastLine = line + CountLineBreaks(csv.RawRecord) + 1;
            var failure = TryRead(csv, columns, expectedFieldCount, schema, line, processed, batch);
            if (failure is not null)
            {
                await context.Errors.ReportAsync(failure, cancellationToken).ConfigureAwait(false);
            }
        }

        batch.StateAfter = Position(processed, stream.Position, lastLine);
        _state = batch.StateAfter;
        yield return batch;
    }

    private CsvReaderOptions ReaderOptions(Queue<CsvMalformedRecord> malformed) => CsvReaderOptions.Default with
    {
        Separator = _options.Delimiter,
        HasHeader = _options.HasHeader,
        Encoding = _options.Encoding,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        OnMalformedRecord = bad =>
        {
            if (bad.Skipped)
            {
                malformed.Enqueue(bad);
            }
        },
        DetectSeparatorHint = false,
    };

    private string[] ReadHeader(CsvReaderOptions options)
    {
        using var headerReader = CsvReader.FromFile(SourceId, options);
        var header = headerReader.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new SchemaException($"the file has no header row; {_codec.Schema.Name} needs one with its field names", new DataLocation(DisplayPath) { Line = 1 });
        }

        return header;
    }

    private FileStream OpenAt(long offset)
    {
        var stream = new FileStream(SourceId, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        if (offset > stream.Length)
        {
            stream.Dispose();
            throw new StateException(
                $"the saved checkpoint is at byte {offset} but the file has only {new FileInfo(SourceId).Length} bytes: it was truncated or replaced; run with a full refresh",
                new DataLocation(DisplayPath));
        }

        stream.Position = offset;
        return stream;
    }

    // Reads one record into the batch, or describes why it cannot be read.
    private RowError? TryRead(CsvReader csv, int[] columns, int expectedFieldCount, Schema schema, long line, long row, SourceBatch<T> batch)
    {
        if (csv.FieldCount != expectedFieldCount)
        {
            return new RowError(PipelineStage.Extract, $"expected {expectedFieldCount} fields, found {csv.FieldCount}")
            {
                Location = new DataLocation(DisplayPath) { Line = line, Row = row },
                RawInput = Encoding.UTF8.GetString(csv.RawRecord),
            };
        }

        try
        {
            var reader = new CsvFieldReader(csv, columns);
            batch.Add(_codec.Read(ref reader));
            return null;
        }
        catch (FieldFormatException error)
        {
            var field = schema.Fields[error.Ordinal];
            var column = columns[error.Ordinal];
            var shown = field.Sensitive == SensitiveKind.None ? Quote(csv.GetString(column)) : "the value (masked)";
            return new RowError(PipelineStage.Extract, $"{shown} is not {error.Expected}")
            {
                Location = new DataLocation(DisplayPath) { Line = line, Column = column + 1, ColumnName = field.Name, Row = row },
                RawInput = field.Sensitive == SensitiveKind.None ? Encoding.UTF8.GetString(csv.RawRecord) : null,
                Exception = error,
            };
        }
    }

    private RowError MalformedError(CsvMalformedRecord bad, long firstLine) =>
        new(PipelineStage.Extract, $"malformed CSV: {bad.Reason}")
        {
            Location = new DataLocation(DisplayPath) { Line = firstLine + bad.LineNumber - 1 },
            RawInput = bad.RawRecord,
        };

    private static SourceState Position(long processed, long byteOffset, long line) => new()
    {
        RecordsProcessed = processed,
        Checkpoint = new Checkpoint
        {
            Offset = processed,
            CustomState = new Dictionary<string, JsonElement>
            {
                [ByteOffsetKey] = JsonSerializer.SerializeToElement(byteOffset, CheckpointJsonContext.Default.Int64),
                [LineKey] = JsonSerializer.SerializeToElement(line, CheckpointJsonContext.Default.Int64),
            },
        },
    };

    private static long? CustomLong(Checkpoint checkpoint, string key) =>
        checkpoint.CustomState.TryGetValue(key, out var value) && value.TryGetInt64(out var number) ? number : null;

    private static int CountLineBreaks(ReadOnlySpan<byte> raw) => raw.Count((byte)'\n');

    private static string Quote(string? value) =>
        value is null ? "an empty value"
        : value.Length <= MaxValueInMessage ? $"'{value}'"
        : $"'{value[..MaxValueInMessage]}…'";
}
