using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;

namespace AiEtl.Json;

/// <summary>
/// Reads JSON Lines or a JSON array of objects, streamed with <see cref="Utf8JsonReader"/> (one object
/// in memory at a time, however large the file), compressed inputs by extension. Properties are matched
/// to schema fields by name. A malformed line, or an object whose value does not fit its field, goes to
/// the pipeline's error policy with its file, line and raw text. A lines file is read incrementally, as
/// <see cref="FileSource{T, TCodec}"/> describes: a rerun reads only appended lines, and a rewritten file
/// is reported.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows are built from fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public class JsonSource<T, TCodec> : FileSource<T, TCodec>
    where TCodec : struct, IRowCodec<T>
{
    private const int MaxRawInError = 64 * 1024;
    private readonly JsonSourceOptions _options;
    private readonly JsonFormat _format;
    private readonly FileCompression _compression;

    /// <summary>Creates a source for the file in <paramref name="options"/>, building rows with <paramref name="codec"/>.</summary>
    public JsonSource(JsonSourceOptions options, TCodec codec)
        : base((options ?? throw new ArgumentNullException(nameof(options))).Path, codec)
    {
        _options = options;
        _format = options.Format ?? JsonFormats.FromPath(options.Path);
        _compression = options.Compression ?? FileCompressions.FromPath(options.Path);
    }

    /// <inheritdoc />
    public override string SourceType => _format == JsonFormat.Lines ? "jsonl" : "json";

    /// <inheritdoc />
    public override bool SupportsIncremental => _format == JsonFormat.Lines;

    /// <inheritdoc />
    public override ValueTask ConnectAsync(CancellationToken cancellationToken = default) =>
        File.Exists(SourceId) ? ValueTask.CompletedTask : throw new PipelineConfigurationException("the JSON file does not exist", new DataLocation(DisplayPath));

    /// <inheritdoc />
    public override async IAsyncEnumerable<SourceBatch<T>> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var incremental = SupportsIncremental;
        var (offset, line) = incremental ? SavedPosition() : (0, 1);
        using var prefix = incremental ? OpenPrefixHash(SourceId, _compression, DisplayPath, offset, context) : null;
        await using var input = FileContent.OpenAt(SourceId, DisplayPath, offset, _compression, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var buffer = new ChunkBuffer(input);
        var rows = new JsonRowBuffer(context.BatchSize);
        var row = incremental ? State.RecordsProcessed : 0;

        if (_format == JsonFormat.Array)
        {
            line = await OpenArrayAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else if (await buffer.FillAsync(cancellationToken).ConfigureAwait(false) && offset == 0 && buffer.Available.StartsWith("\uFEFF"u8))
        {
            buffer.Start += 3;
            offset += 3;
        }

        // The reading thread only finds the values; rows are built from each full buffer on the thread pool while it
        // reads on, and batches leave in file order (see BatchBuilder).
        var builder = new BatchBuilder<T>(_options.MaxDegreeOfParallelism);
        ExceptionDispatchInfo? failure = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int length;
            int consumed;
            int skippedLines;
            try
            {
                if (_format == JsonFormat.Lines)
                {
                    (length, consumed) = await NextLineAsync(buffer, cancellationToken).ConfigureAwait(false);
                    skippedLines = 0;
                }
                else
                {
                    (length, consumed, skippedLines) = await NextElementAsync(buffer, line, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ReadException error)
            {
                failure = ExceptionDispatchInfo.Capture(error);
                break;
            }

            if (length < 0)
            {
                break;
            }

            line += skippedLines;
            var elementLine = line;
            line += _format == JsonFormat.Lines ? 1 : buffer.Bytes.AsSpan(buffer.Start, length).Count((byte)'\n');
            if (IsBlank(buffer.Bytes.AsSpan(buffer.Start, length)))
            {
                buffer.Start += consumed;
                offset += consumed;
                continue;
            }

            if (rows.Count >= context.BatchSize)
            {
                rows.StateAfter = Position(row, offset, elementLine, incremental, prefix);
                var full = rows;
                builder.Start(() => BuildRows(full), cancellationToken);
                rows = new JsonRowBuffer(context.BatchSize);
                if (builder.IsFull)
                {
                    yield return await NextAsync(builder, context, cancellationToken).ConfigureAwait(false);
                }
            }

            row++;
            rows.Add(buffer.Bytes.AsSpan(buffer.Start, length), elementLine, row);
            buffer.Start += consumed;
            offset += consumed;
        }

        if (failure is null)
        {
            rows.StateAfter = Position(row, offset, line, incremental, prefix);
            var last = rows;
            builder.Start(() => BuildRows(last), cancellationToken);
        }
        else
        {
            rows.Release();
        }

        // The batches read before a failure are good: they go on to be loaded before the failure is raised.
        while (!builder.IsEmpty)
        {
            yield return await NextAsync(builder, context, cancellationToken).ConfigureAwait(false);
        }

        failure?.Throw();
    }

    // The rows of a full buffer, and the errors of its values that are not rows; run by the batch builder.
    private (SourceBatch<T> Batch, List<RowError>? Errors) BuildRows(JsonRowBuffer rows)
    {
        try
        {
            var batch = new SourceBatch<T>(Math.Max(1, rows.Count)) { RecordsRead = rows.Count, StateAfter = rows.StateAfter, PositionSource = DisplayPath };

            // The index is scratch space of one value at a time: each batch, which may be built on its own thread, has its own.
            var index = new JsonObjectIndex(Codec.Schema, _options.IgnorePropertyCase);
            List<RowError>? errors = null;
            for (var i = 0; i < rows.Count; i++)
            {
                var (line, row) = rows.PositionOf(i);
                if (TryRead(rows.JsonAt(i), index, line, row, batch) is { } error)
                {
                    (errors ??= []).Add(error);
                }
            }

            return (batch, errors);
        }
        finally
        {
            rows.Release();
        }
    }

    // An array is read from its start each run: its position is the count of records alone.
    private SourceState Position(long processed, long offset, long line, bool incremental, PrefixHash? prefix) => incremental
        ? Position(processed, SourceId, namesFile: false, offset, line, prefix)
        : new SourceState { RecordsProcessed = processed };

    // Returns the line of the first element, after the opening bracket.
    private async ValueTask<long> OpenArrayAsync(ChunkBuffer buffer, CancellationToken cancellationToken)
    {
        long line = 1;
        while (true)
        {
            var span = buffer.Available;
            var i = 0;
            while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                line += span[i] == '\n' ? 1 : 0;
                i++;
            }

            if (i < span.Length)
            {
                if (span[i] != '[')
                {
                    throw new ReadException("the file does not start with a JSON array ('['); use the lines format for one object per line", new DataLocation(DisplayPath) { Line = line });
                }

                buffer.Start += i + 1;
                return line;
            }

            buffer.Start += i;
            if (!await buffer.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new ReadException("the file is empty: no JSON array", new DataLocation(DisplayPath) { Line = line });
            }
        }
    }

    // The next line (without its line break), as its length and the bytes it consumes; length -1 at the end.
    private static async ValueTask<(int Length, int Consumed)> NextLineAsync(ChunkBuffer buffer, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var newline = buffer.Available[searched..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var at = searched + newline;
                var length = at > 0 && buffer.Available[at - 1] == '\r' ? at - 1 : at;
                return (length, at + 1);
            }

            searched = buffer.End - buffer.Start;
            if (!await buffer.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                var rest = buffer.End - buffer.Start;
                return rest == 0 ? (-1, 0) : (rest, rest);
            }
        }
    }

    // The next array element: its length, the bytes consumed up to its end, and the lines skipped before it.
    private async ValueTask<(int Length, int Consumed, int SkippedLines)> NextElementAsync(ChunkBuffer buffer, long line, CancellationToken cancellationToken)
    {
        var skipped = 0;
        while (true)
        {
            var (status, before, length, lines) = Measure(buffer.Available, buffer.Eof);
            switch (status)
            {
                case ElementStatus.End:
                    return (-1, 0, 0);
                case ElementStatus.Element:
                    buffer.Start += before;
                    return (length, length, skipped + lines);
                case ElementStatus.Malformed:
                    throw new ReadException("malformed JSON in the array; the rest of the file cannot be read", new DataLocation(DisplayPath) { Line = line + skipped + lines });
                default:
                    // Drop what was skipped so the buffer holds only the element being completed.
                    buffer.Start += before;
                    skipped += lines;
                    if (!await buffer.FillAsync(cancellationToken).ConfigureAwait(false) && buffer.Available.Length == 0)
                    {
                        throw new ReadException("the JSON array is not closed with ']'", new DataLocation(DisplayPath) { Line = line + skipped });
                    }

                    break;
            }
        }
    }

    private enum ElementStatus
    {
        NeedMore,
        Element,
        End,
        Malformed,
    }

    private static (ElementStatus Status, int Before, int Length, int Lines) Measure(ReadOnlySpan<byte> span, bool eof)
    {
        var i = 0;
        var lines = 0;
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',')
        {
            lines += span[i] == '\n' ? 1 : 0;
            i++;
        }

        if (i == span.Length)
        {
            return (eof ? ElementStatus.Malformed : ElementStatus.NeedMore, i, 0, lines);
        }

        if (span[i] == ']')
        {
            return (ElementStatus.End, i + 1, 0, lines);
        }

        try
        {
            var reader = new Utf8JsonReader(span[i..], isFinalBlock: eof, default);
            if (!reader.Read() || !reader.TrySkip())
            {
                return (eof ? ElementStatus.Malformed : ElementStatus.NeedMore, i, 0, lines);
            }

            return (ElementStatus.Element, i, (int)reader.BytesConsumed, lines);
        }
        catch (JsonException)
        {
            return (ElementStatus.Malformed, i, 0, lines);
        }
    }

    private RowError? TryRead(ReadOnlySpan<byte> json, JsonObjectIndex index, long line, long row, SourceBatch<T> batch)
    {
        string? problem;
        Exception? exception = null;
        try
        {
            // The reader checks structure, not the bytes inside strings: invalid UTF-8 is caught here, before a value is decoded.
            problem = System.Text.Unicode.Utf8.IsValid(json) ? index.Index(json) : "malformed JSON: the text is not valid UTF-8";
        }
        catch (JsonException error)
        {
            problem = $"malformed JSON: {error.Message}";
            exception = error;
        }

        if (problem is not null)
        {
            return new RowError(PipelineStage.Extract, problem)
            {
                Location = new DataLocation(DisplayPath) { Line = line, Row = row },

                // Malformed JSON cannot have its sensitive values found and masked: it keeps no raw input then.
                RawInput = SensitiveRawInput.Applies(Codec.Schema) ? null : Raw(json),
                Exception = exception,
            };
        }

        var reader = new JsonFieldReader(json, index);
        try
        {
            batch.Add(Codec.Read(ref reader), line, row);
            return null;
        }
        catch (FieldFormatException error)
        {
            var field = Codec.Schema.Fields[error.Ordinal];
            var shown = !FieldMasks.Applies(field) ? reader.RawText(error.Ordinal) : "the value (masked)";
            return new RowError(PipelineStage.Extract, $"{shown} is not {error.Expected}")
            {
                Location = new DataLocation(DisplayPath) { Line = line, Row = row, ColumnName = field.Name },
                RawInput = !FieldMasks.Applies(field) ? MaskedRaw(json, index) : null,
                Exception = error,
            };
        }
    }

    // The raw JSON of a dead-letter entry, with each sensitive property's value token replaced by its mask.
    private string MaskedRaw(ReadOnlySpan<byte> json, JsonObjectIndex index)
    {
        if (!SensitiveRawInput.Applies(Codec.Schema))
        {
            return Raw(json);
        }

        var fields = Codec.Schema.Fields;
        var masked = new StringBuilder();
        var at = 0;
        foreach (var i in Enumerable.Range(0, fields.Count).Where(i => FieldMasks.Applies(fields[i]) && index.Lengths[i] > 0).OrderBy(i => index.Starts[i]))
        {
            var token = json.Slice(index.Starts[i], index.Lengths[i]);
            masked.Append(Encoding.UTF8.GetString(json[at..index.Starts[i]]));
            if (fields[i].Sensitive == SensitiveKind.None && JsonPathMasker.Mask(Encoding.UTF8.GetString(token), fields[i].SensitivePaths) is { } inside)
            {
                // Masked at its paths: the object stays an object, readable but for those values.
                masked.Append(inside);
            }
            else
            {
                var text = index.Kinds[i] == JsonTokenType.String ? JsonSerializer.Deserialize(token, CheckpointJsonContext.Default.String) ?? "" : Encoding.UTF8.GetString(token);
                masked.Append(JsonSerializer.Serialize(FieldMasks.Mask(fields[i], text), CheckpointJsonContext.Default.String));
            }

            at = index.Starts[i] + index.Lengths[i];
        }

        masked.Append(Encoding.UTF8.GetString(json[at..]));
        return masked.Length <= MaxRawInError ? masked.ToString() : masked.ToString(0, MaxRawInError);
    }

    private static string Raw(ReadOnlySpan<byte> json) => Encoding.UTF8.GetString(json.Length <= MaxRawInError ? json : json[..MaxRawInError]);

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;
}
