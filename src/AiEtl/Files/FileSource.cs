using System.Text.Json;

namespace AiEtl;

/// <summary>
/// What the file sources (CSV, JSON) share: their state and its checkpoint. An incremental read saves the byte
/// offset and line of the next unread record, the file being read when the path is a glob, and the XXH128 hash of
/// the bytes before the offset (<see cref="SourceState.FileHash"/>), so a rerun reads only what was appended and a
/// file rewritten since is detected (a <see cref="StateException"/> unless the run is a full refresh). Batches are
/// built by the in-order batch builder; the state is the position after the last batch handed to the pipeline.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows are built from fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public abstract class FileSource<T, TCodec> : ISource<T>, ISizedSource
    where TCodec : struct, IRowCodec<T>
{
    private const string ByteOffsetKey = "byte_offset";
    private const string LineKey = "line";
    private const string FileKey = "file";

    // A field rather than a property: rows are built with it, and a readonly struct in a field is called in place, not copied.
    private protected readonly TCodec Codec;

    private SourceState _state = new();
    private long? _totalBytes;

    /// <summary>Creates the source.</summary>
    /// <param name="path">The file (or glob) as configured.</param>
    /// <param name="codec">How rows are built from fields.</param>
    private protected FileSource(string path, TCodec codec)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        DisplayPath = path;
        SourceId = Path.GetFullPath(path);
        Codec = codec;
    }

    /// <inheritdoc />
    public abstract string SourceType { get; }

    /// <inheritdoc />
    public string SourceId { get; }

    /// <inheritdoc />
    public abstract bool SupportsIncremental { get; }

    /// <summary>The path as configured, for messages.</summary>
    private protected string DisplayPath { get; }

    /// <summary>The state read so far, or restored by <see cref="SetState"/>.</summary>
    private protected SourceState State => _state;

    /// <inheritdoc />
    public abstract ValueTask ConnectAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public ValueTask<Schema> GetSchemaAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Codec.Schema);

    /// <inheritdoc />
    public SourceState GetState() => _state;

    /// <inheritdoc />
    public void SetState(SourceState state) => _state = state ?? throw new ArgumentNullException(nameof(state));

    /// <inheritdoc />
    public abstract IAsyncEnumerable<SourceBatch<T>> ReadAsync(ReadContext context, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public ValueTask CloseAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>Where the saved checkpoint resumes the file it names: the byte offset and line of the next unread record, or the start.</summary>
    private protected (long ByteOffset, long Line) SavedPosition() =>
        (CustomLong(_state.Checkpoint, ByteOffsetKey) ?? 0, CustomLong(_state.Checkpoint, LineKey) ?? 1);

    /// <summary>
    /// The first of <paramref name="files"/> (a glob's, in ordinal order) to read: the one the checkpoint was in, read from
    /// its saved position (<paramref name="resume"/>), or when it is gone, the next one, read from its start.
    /// </summary>
    private protected int FirstFileToRead(List<string> files, out bool resume)
    {
        resume = true;
        var savedFile = _state.Checkpoint.CustomState.TryGetValue(FileKey, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (savedFile is null)
        {
            return 0;
        }

        var first = files.FindIndex(f => string.Equals(f, savedFile, StringComparison.Ordinal));
        if (first >= 0)
        {
            return first;
        }

        // The file being read last time is gone: go on with the files after it.
        resume = false;
        first = files.FindIndex(f => string.CompareOrdinal(f, savedFile) > 0);
        return first < 0 ? files.Count : first;
    }

    /// <summary>
    /// The running hash of <paramref name="file"/>'s content for the saved state, checked against the saved hash when
    /// the read resumes at <paramref name="startOffset"/>. <see langword="null"/> when the run saves no state and starts
    /// at the beginning: the hash is for the saved state, and such a run does not read the file twice.
    /// </summary>
    /// <exception cref="StateException">The file was truncated or rewritten since the state was saved.</exception>
    private protected PrefixHash? OpenPrefixHash(string file, FileCompression compression, string displayPath, long startOffset, ReadContext context)
    {
        if (!context.KeepsState && startOffset == 0)
        {
            return null;
        }

        var prefix = new PrefixHash(file, compression, displayPath);
        try
        {
            if (startOffset > 0)
            {
                prefix.CheckUnchanged(startOffset, _state.FileHash, displayPath);
            }

            return prefix;
        }
        catch
        {
            prefix.Dispose();
            throw;
        }
    }

    /// <summary>The state after <paramref name="processed"/> records, the next of them at <paramref name="byteOffset"/> and <paramref name="line"/> of <paramref name="file"/>.</summary>
    /// <param name="processed">The records read, good or not, since the start of the source.</param>
    /// <param name="file">The file read.</param>
    /// <param name="namesFile">Whether the checkpoint names <paramref name="file"/> (a glob's files are resumed by name).</param>
    /// <param name="byteOffset">The content offset of the next unread record.</param>
    /// <param name="line">The line it starts on.</param>
    /// <param name="prefix">The running hash of the content, or <see langword="null"/> when the state is not kept.</param>
    private protected static SourceState Position(long processed, string file, bool namesFile, long byteOffset, long line, PrefixHash? prefix)
    {
        var custom = new Dictionary<string, JsonElement>
        {
            [ByteOffsetKey] = JsonSerializer.SerializeToElement(byteOffset, CheckpointJsonContext.Default.Int64),
            [LineKey] = JsonSerializer.SerializeToElement(line, CheckpointJsonContext.Default.Int64),
        };
        if (namesFile)
        {
            custom[FileKey] = JsonSerializer.SerializeToElement(file, CheckpointJsonContext.Default.String);
        }

        return new SourceState
        {
            RecordsProcessed = processed,
            Checkpoint = new Checkpoint { Offset = processed, CustomState = custom },
            FileHash = prefix?.HashUpTo(byteOffset),
            LastModified = File.GetLastWriteTimeUtc(file),
        };
    }

    /// <summary>The oldest batch being built, once it is; its position becomes the source's state.</summary>
    private protected async ValueTask<SourceBatch<T>> NextAsync(BatchBuilder<T> builder, ReadContext context, CancellationToken cancellationToken)
    {
        var batch = await builder.NextAsync(context, cancellationToken).ConfigureAwait(false);
        _state = batch.StateAfter!;
        return batch;
    }

    // Known for one plain file: a glob's files may change while it is read, and a compressed file's positions are of its content.
    long? ISizedSource.TotalBytes
    {
        get
        {
            _totalBytes ??= DisplayPath.AsSpan().IndexOfAny('*', '?') < 0 && FileCompressions.FromPath(SourceId) == FileCompression.None && File.Exists(SourceId)
                ? new FileInfo(SourceId).Length
                : -1;
            return _totalBytes >= 0 ? _totalBytes : null;
        }
    }

    long? ISizedSource.BytesBefore(SourceState position) => CustomLong(position.Checkpoint, ByteOffsetKey);

    private static long? CustomLong(Checkpoint checkpoint, string key) =>
        checkpoint.CustomState.TryGetValue(key, out var value) && value.TryGetInt64(out var number) ? number : null;
}
