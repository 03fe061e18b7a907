using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using CsvHelper;

namespace AiEtl.Csv;

/// <summary>
/// Reads a CSV file into typed records with their generated codec, streaming in batches. Header
/// names are bound to schema fields once per file. A row that cannot be read (wrong field count,
/// bad quoting, a value that does not parse) goes to the pipeline's error policy with its file,
/// line, column and raw text. Incremental, as <see cref="FileSource{T, TCodec}"/> describes: a rerun
/// reads only what was appended, and a file rewritten since is detected. A glob path reads its files in
/// ordinal order, and a rerun goes on in the file it stopped in; compressed files are read by extension.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows are built from fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public class CsvSource<T, TCodec> : FileSource<T, TCodec>
    where TCodec : struct, IRowCodec<T>
{
    private const int MaxValueInMessage = 80;

    private readonly CsvSourceOptions _options;
    private readonly CsvValueFormat? _format;
    private readonly byte[][] _nullTokens;

    /// <summary>Creates a source for the file in <paramref name="options"/>, building rows with <paramref name="codec"/>.</summary>
    public CsvSource(CsvSourceOptions options, TCodec codec)
        : base((options ?? throw new ArgumentNullException(nameof(options))).Path, codec)
    {
        _options = options;
        _format = CsvValueFormat.From(options);
        _nullTokens = [.. options.NullValues.Select(Encoding.UTF8.GetBytes)];
        IsGlob = CsvFiles.IsGlob(options.Path);
    }

    /// <inheritdoc />
    public override string SourceType => "csv";

    /// <inheritdoc />
    public override bool SupportsIncremental => true;

    private bool IsGlob { get; }

    /// <inheritdoc />
    public override ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (IsGlob ? CsvFiles.Resolve(_options.Path).Count == 0 : !File.Exists(SourceId))
        {
            throw new PipelineConfigurationException(IsGlob ? "no file matches the pattern" : "the CSV file does not exist", new DataLocation(_options.Path));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<SourceBatch<T>> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var unsure = Codec.Schema.Fields.Where(f => f.IsInferred && f.Confidence < 0.95).Select(f => $"'{f.Name}' ({f.Type}, {f.Confidence:0.##})").ToList();
        if (unsure.Count > 0)
        {
            context.Warn($"{_options.Path}: the inferred types of {string.Join(", ", unsure)} are unsure; check them or declare the schema");
        }

        var files = IsGlob ? CsvFiles.Resolve(_options.Path) : [SourceId];
        var first = FirstFileToRead(files, out var resume);
        for (var i = first; i < files.Count; i++)
        {
            var resumeThis = i == first && resume;
            await foreach (var batch in ReadFileAsync(files[i], resumeThis, context, cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
    }

    private async IAsyncEnumerable<SourceBatch<T>> ReadFileAsync(string file, bool resume, ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var displayPath = IsGlob ? file : _options.Path;
        var schema = Codec.Schema;
        var compression = _options.Compression ?? FileCompressions.FromPath(file);
        var (startOffset, startLine) = resume ? SavedPosition() : (0, 1);
        var malformed = new Queue<CsvMalformedRecord>();
        var options = ReaderOptions(malformed);
        int[] columns;
        int expectedFieldCount;
        if (_options.HasHeader)
        {
            IReadOnlyList<string> header = ReadHeader(file, displayPath, compression, options);
            columns = CsvColumnBinding.Bind(schema, header, displayPath, _options.IgnoreHeaderCase, context.Warn);
            expectedFieldCount = header.Count;
        }
        else
        {
            columns = [.. Enumerable.Range(0, schema.Fields.Count)];
            expectedFieldCount = schema.Fields.Count;
        }

        using var prefix = OpenPrefixHash(file, compression, displayPath, startOffset, context);
        await using var stream = FileContent.OpenAt(file, displayPath, startOffset, compression, FileOptions.SequentialScan);
        var resuming = startOffset > 0 || !_options.HasHeader;
        using var csv = CsvReader.Create(stream, resuming ? options with { HasHeader = false } : options, leaveOpen: true);
        var firstLine = resuming ? startLine : 1;
        var processed = State.RecordsProcessed;
        var buffer = new CsvRowBuffer(context.BatchSize, schema.Fields.Count);
        long lastLine = firstLine;

        // The reading thread only tokenizes; rows are built from each full buffer on the thread pool while it reads
        // on, and batches leave in file order, the oldest first once MaxDegreeOfParallelism are being built.
        var builder = new BatchBuilder<T>(_options.MaxDegreeOfParallelism);
        ExceptionDispatchInfo? failure = null;
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
                failure = ExceptionDispatchInfo.Capture(new ReadException(error.Message, new DataLocation(displayPath) { Line = firstLine + error.LineNumber - 1 }, error));
                break;
            }
            catch (DecoderFallbackException error)
            {
                failure = ExceptionDispatchInfo.Capture(new ReadException($"the file is not valid {(_options.Encoding ?? Encoding.UTF8).WebName}: {error.Message}", new DataLocation(displayPath), error));
                break;
            }

            while (malformed.TryDequeue(out var bad))
            {
                processed++;
                buffer.AddError(MalformedError(bad, firstLine, displayPath));
            }

            if (!more)
            {
                break;
            }

            var line = firstLine + csv.LineNumber - 1;
            if (buffer.Count >= context.BatchSize)
            {
                buffer.StateAfter = Position(processed, file, IsGlob, startOffset + csv.ByteOffset, line, prefix);
                var full = buffer;
                builder.Start(() => BuildRows(full, columns, displayPath), cancellationToken);
                buffer = new CsvRowBuffer(context.BatchSize, schema.Fields.Count);
                if (builder.IsFull)
                {
                    yield return await NextAsync(builder, context, cancellationToken).ConfigureAwait(false);
                }
            }

            processed++;
            lastLine = line + CountLineBreaks(csv.RawRecord) + 1;
            Tokenize(csv, buffer, columns, expectedFieldCount, line, processed, displayPath);
        }

        if (failure is null)
        {
            buffer.StateAfter = Position(processed, file, IsGlob, stream.Position, lastLine, prefix);
            var last = buffer;
            builder.Start(() => BuildRows(last, columns, displayPath), cancellationToken);
        }
        else
        {
            buffer.Release();
        }

        // The batches read before a failure are good: they go on to be loaded before the failure is raised.
        while (!builder.IsEmpty)
        {
            yield return await NextAsync(builder, context, cancellationToken).ConfigureAwait(false);
        }

        failure?.Throw();
    }

    private CsvReaderOptions ReaderOptions(Queue<CsvMalformedRecord> malformed) => CsvReaderOptions.Default with
    {
        Separator = _options.Delimiter,
        Quote = _options.Quote,
        Mode = _options.Escape is null ? CsvMode.Rfc4180 : CsvMode.Escape,
        Escape = _options.Escape ?? '\\',
        TrimWhitespace = _options.TrimWhitespace,
        NullValues = _options.NullValues.Count == 0 ? null : [.. _options.NullValues],
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

    private string[] ReadHeader(string file, string displayPath, FileCompression compression, CsvReaderOptions options)
    {
        using var stream = FileContent.OpenAt(file, displayPath, 0, compression, FileOptions.SequentialScan);
        using var headerReader = CsvReader.Create(stream, options, leaveOpen: true);
        var header = headerReader.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new SchemaException($"the file has no header row; {Codec.Schema.Name} needs one with its field names", new DataLocation(displayPath) { Line = 1 });
        }

        var duplicates = header.GroupBy(h => h.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var used = Codec.Schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (duplicates.Any(used.Contains))
        {
            throw new SchemaException(
                $"the header names {string.Join(", ", duplicates.Where(used.Contains).Select(d => $"'{d}'"))} more than once; which column holds the field is ambiguous",
                new DataLocation(displayPath) { Line = 1 });
        }

        return header;
    }

    // Copies one record into the buffer, or keeps in its place why it cannot be read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tokenize(CsvReader csv, CsvRowBuffer buffer, int[] columns, int expectedFieldCount, long line, long row, string displayPath)
    {
        if (csv.FieldCount != expectedFieldCount)
        {
            buffer.AddError(new RowError(PipelineStage.Extract, $"expected {expectedFieldCount} fields, found {csv.FieldCount}")
            {
                Location = new DataLocation(displayPath) { Line = line, Row = row },
                RawInput = MaskedRaw(csv, columns),
            });
            return;
        }

        // CsvHelper would decode invalid bytes to U+FFFD silently; a row that is not UTF-8 is reported instead of altered.
        if (!System.Text.Unicode.Utf8.IsValid(csv.RawRecord))
        {
            var bad = 0;
            while (bad < csv.FieldCount - 1 && System.Text.Unicode.Utf8.IsValid(csv.GetRawSpan(bad)))
            {
                bad++;
            }

            buffer.AddError(new RowError(PipelineStage.Extract, "the row is not valid UTF-8; set the source's encoding if the file uses another one")
            {
                Location = new DataLocation(displayPath) { Line = line, Column = bad + 1, Row = row },
                RawInput = MaskedRaw(csv, columns),
            });
            return;
        }

        buffer.AddRecord(csv, columns, _nullTokens, line, row);
    }

    // The rows of a full buffer, and the errors of its records that are not rows; run by the batch builder.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (SourceBatch<T> Batch, List<RowError>? Errors) BuildRows(CsvRowBuffer buffer, int[] columns, string displayPath)
    {
        try
        {
            var batch = new SourceBatch<T>(Math.Max(1, buffer.Count)) { RecordsRead = buffer.Count, StateAfter = buffer.StateAfter, PositionSource = displayPath };
            List<RowError>? errors = null;
            for (var i = 0; i < buffer.Count; i++)
            {
                var error = buffer.ErrorAt(i) ?? TryBuild(buffer, i, columns, batch, displayPath);
                if (error is not null)
                {
                    (errors ??= []).Add(error);
                }
            }

            return (batch, errors);
        }
        finally
        {
            buffer.Release();
        }
    }

    // Adds record i's row to the batch, or describes why it cannot be read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowError? TryBuild(CsvRowBuffer buffer, int i, int[] columns, SourceBatch<T> batch, string displayPath)
    {
        var row = buffer.RowAt(i);
        try
        {
            var reader = new CsvFieldReader(row, _format);
            var (line, number) = buffer.PositionOf(i);
            batch.Add(Codec.Read(ref reader), line, number);
            return null;
        }
        catch (FieldFormatException error)
        {
            var field = Codec.Schema.Fields[error.Ordinal];
            var (line, number) = buffer.PositionOf(i);
            var shown = !FieldMasks.Applies(field) ? Quote(row.GetString(error.Ordinal)) : "the value (masked)";
            return new RowError(PipelineStage.Extract, $"{shown} is not {error.Expected}")
            {
                Location = new DataLocation(displayPath) { Line = line, Column = columns[error.Ordinal] + 1, ColumnName = field.Name, Row = number },
                RawInput = !FieldMasks.Applies(field) ? MaskedRaw(row) : null,
                Exception = error,
            };
        }
    }

    // A record that cannot be split into fields cannot have its sensitive values masked: it keeps no raw input then.
    private RowError MalformedError(CsvMalformedRecord bad, long firstLine, string displayPath) =>
        new(PipelineStage.Extract, $"malformed CSV: {bad.Reason}")
        {
            Location = new DataLocation(displayPath) { Line = firstLine + bad.LineNumber - 1 },
            RawInput = SensitiveRawInput.Applies(Codec.Schema) ? null : bad.RawRecord,
        };

    // The raw line of a dead-letter entry, with the sensitive fields' values masked.
    private string MaskedRaw(CsvRow row)
    {
        var raw = Encoding.UTF8.GetString(row.Raw);
        if (!SensitiveRawInput.Applies(Codec.Schema))
        {
            return raw;
        }

        var fields = Codec.Schema.Fields;
        var values = new List<(string?, Field)>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (FieldMasks.Applies(fields[i]))
            {
                values.Add((row.GetString(i), fields[i]));
            }
        }

        return SensitiveRawInput.Mask(raw, values);
    }

    // The same for a record the tokenizer rejected as a whole (wrong field count, not UTF-8): its fields by column.
    private string MaskedRaw(CsvReader csv, int[] columns)
    {
        var raw = Encoding.UTF8.GetString(csv.RawRecord);
        var fields = Codec.Schema.Fields;
        return SensitiveRawInput.Applies(Codec.Schema)
            ? SensitiveRawInput.Mask(raw, Enumerable.Range(0, fields.Count)
                .Where(i => FieldMasks.Applies(fields[i]) && columns[i] >= 0 && columns[i] < csv.FieldCount)
                .Select(i => ((string?)Encoding.UTF8.GetString(csv.GetSpan(columns[i])), fields[i])))
            : raw;
    }

    private static int CountLineBreaks(ReadOnlySpan<byte> raw) => raw.Count((byte)'\n');

    private static string Quote(string? value) =>
        value is null ? "an empty value"
        : value.Length <= MaxValueInMessage ? $"'{value}'"
        : $"'{value[..MaxValueInMessage]}…'";
}
