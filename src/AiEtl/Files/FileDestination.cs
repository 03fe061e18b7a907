using System.Buffers;
using System.IO.Compression;
using System.Text;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// The transaction machinery of the file destinations (CSV, JSON). Rows go to a temp file beside the
/// target; the target is replaced by an atomic rename only when the run completes
/// (<see cref="CompleteAsync"/>: flush, fsync, rename, fsync of the directory), so a failed run, a rollback or a killed process
/// leaves the previous target untouched. A batch transaction buffers its rows' bytes in memory (one
/// batch at most) and hands them to the temp file, or to its compressor, on commit; a rollback drops them.
/// Appending copies the existing target into the temp file first (the old file stays intact until the
/// rename, at the cost of one copy per run). With a state, the checkpoint is recorded with the publication in a
/// manifest beside the target (<see cref="FileCheckpointManifest"/>), so a run killed at any instant resumes
/// exactly after what the target holds.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public abstract class FileDestination<T> : Destination<T>, ICompletableDestination, ICheckpointingDestination, IEncodingDestination<T>
{
    private const string TempSuffix = ".aietl-tmp";

    private readonly ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private readonly Encoding? _encoding;
    private readonly FileCheckpointManifest _manifest;
    private readonly StagedCheckpoint _checkpoint = new();
    private FileStream? _temp;
    private CompressedSink? _sink;
    private EarlyWriteback? _writeback;
    private string? _tempPath;
    private bool _prologueCommitted;
    private bool _prologuePending;
    private long _rowsCommitted;
    private long _rowsPending;
    private bool _broken;
    private bool _published;
    private bool _appending;
    private int _bytesPerRow = 128;

    /// <summary>Creates the destination.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="writeMode">Replace or append; a file cannot be merged into.</param>
    /// <param name="compression">The compression; <see langword="null"/> to take it from the extension.</param>
    /// <param name="encoding">The text encoding; <see langword="null"/> for UTF-8 without a byte order mark.</param>
    /// <param name="compressionLevel">How hard gzip, zip and zstd compress.</param>
    /// <param name="schemaMode">What an existing or missing target means (see <see cref="SchemaMode"/>).</param>
    /// <exception cref="PipelineConfigurationException"><paramref name="writeMode"/> is <see cref="WriteMode.Merge"/>.</exception>
    protected FileDestination(string path, WriteMode writeMode, FileCompression? compression, Encoding? encoding, CompressionLevel compressionLevel = CompressionLevel.Fastest, SchemaMode schemaMode = SchemaMode.CreateIfMissing)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (writeMode is not (WriteMode.Replace or WriteMode.Append))
        {
            throw new PipelineConfigurationException($"a file destination cannot write in {writeMode} mode: a file has no key to merge rows by; use WriteMode.Replace or WriteMode.Append", new DataLocation(path));
        }

        DisplayPath = path;
        TargetPath = Path.GetFullPath(path);
        WriteMode = writeMode;
        SchemaMode = schemaMode;
        Compression = compression ?? FileCompressions.FromPath(path);
        CompressionLevel = compressionLevel;
        _encoding = encoding is null || encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
        _manifest = new FileCheckpointManifest(TargetPath);
    }

    /// <summary>The target file's full path.</summary>
    public string TargetPath { get; }

    /// <summary>Replace or append.</summary>
    public WriteMode WriteMode { get; }

    /// <summary>
    /// What the target's existence means: <see cref="SchemaMode.CreateIfMissing"/> creates it (an appended CSV must
    /// have the rows' header); <see cref="SchemaMode.FailIfMissing"/> refuses a missing target and one whose columns
    /// (a CSV header, the fields of a JSON file's first row) are not the rows' fields; <see cref="SchemaMode.DropAndCreate"/>
    /// starts a new file whatever is there (an append too), and forgets its checkpoints.
    /// </summary>
    public SchemaMode SchemaMode { get; }

    /// <summary>The compression of the target.</summary>
    public FileCompression Compression { get; }

    /// <summary>How hard the compression works.</summary>
    public CompressionLevel CompressionLevel { get; }

    /// <inheritdoc />
    public override string DestinationId => TargetPath;

    /// <summary>The path as configured, for messages.</summary>
    protected string DisplayPath { get; }

    /// <summary>The schema given to <see cref="CreateSchemaAsync"/>.</summary>
    protected Schema? Schema { get; private set; }

    /// <summary>Whether an appended target already had rows (so a separator goes before the first new row).</summary>
    protected bool AppendsToRows { get; private set; }

    /// <summary>The bytes <see cref="WriteRows"/> puts between two rows, before the second (1 for the comma of a JSON array).</summary>
    protected virtual int RowSeparatorLength => 0;

    /// <inheritdoc />
    public override ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        FileCompressions.EnsureWritable(Compression, DisplayPath);
        UsablePaths.File(TargetPath, "output file");
        if (WriteMode == WriteMode.Append && Compression == FileCompression.Zip)
        {
            throw new PipelineConfigurationException("a zip archive cannot be appended to; use gzip, bz2 or zstd, or replace it", new DataLocation(DisplayPath));
        }

        CheckOptions();

        // A retried connect starts over: the temp file of the failed attempt is not reused.
        _sink?.Dispose();
        _sink = null;
        _temp?.Dispose();
        _temp = null;
        DeleteTemp();
        _pending.ResetWrittenCount();
        (_appending, AppendsToRows, _rowsCommitted, _rowsPending, _prologueCommitted, _prologuePending, _broken, _published) = (false, false, 0, 0, false, false, false, false);
        try
        {
            var directory = Path.GetDirectoryName(TargetPath)!;
            Directory.CreateDirectory(directory);

            // Before the leftovers go: a publication a killed run left pending is finished first.
            _manifest.Recover();
            DeleteLeftovers(directory);
            var keepsRows = CheckTarget();
            _tempPath = Path.Combine(directory, $".{Path.GetFileName(TargetPath)}.{Guid.NewGuid():N}{TempSuffix}");
            var appendTo = WriteMode == WriteMode.Append && keepsRows;
            if (appendTo)
            {
                File.Copy(TargetPath, _tempPath, overwrite: true);
            }

            _temp = new FileStream(_tempPath, appendTo ? FileMode.Open : FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024);
            _writeback = new EarlyWriteback(_temp.SafeFileHandle);
            if (appendTo)
            {
                _appending = true;
                AppendsToRows = PrepareAppend(_temp);
                _rowsCommitted = AppendsToRows ? 1 : 0;
                _temp.Seek(0, SeekOrigin.End);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            DeleteTemp();
            throw new ConnectionFailedException($"cannot create the temp file beside the target: {error.Message}", new DataLocation(DisplayPath), error);
        }

        _sink = FileCompressions.OpenWrite(_temp, Compression, CompressionLevel, FileCompressions.InnerName(TargetPath, Compression));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask CreateSchemaAsync(Schema schema, CancellationToken cancellationToken = default)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        OnSchema(schema);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask<int> WriteAsync(ReadOnlyMemory<T> rows, CancellationToken cancellationToken = default)
    {
        BeginWrite();
        try
        {
            WriteRows(rows.Span, _pending, _rowsCommitted + _rowsPending);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            throw new WriteException($"a row cannot be written: {error.Message}", new DataLocation(DisplayPath), error);
        }

        _rowsPending += rows.Length;
        return ValueTask.FromResult(rows.Length);
    }

    /// <inheritdoc />
    public virtual bool EncodesAhead => true;

    /// <summary>
    /// Formats rows with <see cref="WriteRows"/> as if rows came before them (a separator goes before the first);
    /// <see cref="WriteEncodedAsync"/> drops <see cref="RowSeparatorLength"/> bytes when they turn out to be the first rows.
    /// </summary>
    public EncodedRows Encode(ReadOnlySpan<T> rows)
    {
        var encoded = new EncodedRows(rows.Length, _bytesPerRow * rows.Length);
        try
        {
            WriteRows(rows, encoded, rowsBefore: 1);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            encoded.Dispose();
            throw new WriteException($"a row cannot be written: {error.Message}", new DataLocation(DisplayPath), error);
        }

        // The next batch asks for about as much as this one took (a racy hint, not a size).
        _bytesPerRow = rows.Length == 0 ? _bytesPerRow : Math.Max(_bytesPerRow, (encoded.Length / rows.Length) + 16);
        return encoded;
    }

    /// <inheritdoc />
    public ValueTask<int> WriteEncodedAsync(EncodedRows rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        BeginWrite();
        var bytes = rows.Bytes;
        _pending.Write(_rowsCommitted + _rowsPending == 0 ? bytes[Math.Min(RowSeparatorLength, bytes.Length)..] : bytes);
        _rowsPending += rows.Count;
        return ValueTask.FromResult(rows.Count);
    }

    /// <inheritdoc />
    public bool PublishesOnCompletion => true;

    /// <summary>
    /// Publishes the run: writes the end of the file, finishes the compressor, flushes and fsyncs the
    /// temp file and renames it over the target. Called by the pipeline after a successful run only.
    /// </summary>
    public ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_published)
        {
            return ValueTask.CompletedTask;
        }

        if (_sink is null || _temp is null || Schema is null || _broken)
        {
            throw new WriteException("the file cannot be published: the destination is not open or a write failed", new DataLocation(DisplayPath));
        }

        var (prepared, renamed) = (false, false);
        try
        {
            if (!_prologueCommitted && !_appending)
            {
                WritePrologue(_pending);
            }

            WriteEpilogue(_pending);
            Flush();
            _sink.Finish();
            _temp.Flush(flushToDisk: true);
            var size = _temp.Length;
            _temp.Dispose();
            _temp = null;
            _writeback = null;
            if (_checkpoint.IsStaged)
            {
                _manifest.Prepare(_tempPath!, size, _checkpoint, replaces: StartsEmpty);
                prepared = true;
                CrashPoints.Reach(CrashPoints.PublishPrepared);
            }

            File.Move(_tempPath!, TargetPath, overwrite: true);
            renamed = true;
            DirectorySync.AfterRename(TargetPath);
            CrashPoints.Reach(CrashPoints.PublishRenamed);
            if (prepared)
            {
                _manifest.Commit();
                _checkpoint.Clear();
            }

            _published = true;
            OnPublished();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _broken = true;
            _published = renamed;
            if (prepared && !renamed)
            {
                // The temp file is deleted on close: the pending publication must not be finished by the next run.
                _manifest.Abandon();
            }

            throw new WriteException($"the file cannot be published: {error.Message}", new DataLocation(DisplayPath), error);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public bool StartsEmpty => WriteMode == WriteMode.Replace || SchemaMode == SchemaMode.DropAndCreate;

    /// <inheritdoc />
    public ValueTask<StoredCheckpoint?> ReadCheckpointAsync(CheckpointKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ValueTask.FromResult(_manifest.Read(key));
    }

    /// <inheritdoc />
    public void StageCheckpoint(CheckpointKey key, StoredCheckpoint checkpoint) => _checkpoint.Add(key, checkpoint, StartsEmpty);

    /// <inheritdoc />
    public ValueTask ForgetCheckpointAsync(CheckpointKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _manifest.Forget(key);
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the temp file; a run that was not completed deletes it and leaves the target as it was.</summary>
    public override ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        _sink?.Dispose();
        _sink = null;
        _temp?.Dispose();
        _temp = null;
        _writeback = null;
        if (!_published)
        {
            DeleteTemp();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Checks the options before anything is created; throws <see cref="PipelineConfigurationException"/>.</summary>
    protected virtual void CheckOptions()
    {
    }

    /// <summary>
    /// Compares the content of the existing, non-empty target (decompressed) with the rows' fields and throws a
    /// <see cref="SchemaException"/> naming the file and the differing columns. <paramref name="strict"/> is the
    /// schema mode fail_if_missing (every difference counts); otherwise the file is about to be appended to, and only
    /// what would misplace the new rows counts.
    /// </summary>
    protected virtual void CheckExisting(Stream content, bool strict)
    {
    }

    /// <summary>
    /// Prepares a copy of an existing, non-empty target for appending (for example removes the closing
    /// bracket of a JSON array). Returns whether the existing file holds rows.
    /// </summary>
    protected virtual bool PrepareAppend(FileStream copy) => true;

    /// <summary>Receives the schema before any row.</summary>
    protected virtual void OnSchema(Schema schema)
    {
    }

    /// <summary>Writes the start of a new file (a header, an opening bracket).</summary>
    protected abstract void WritePrologue(IBufferWriter<byte> output);

    /// <summary>
    /// Writes rows as UTF-8; <paramref name="rowsBefore"/> rows are already in the file before them. Unless
    /// <see cref="EncodesAhead"/> is false, it runs on several threads at once for different batches.
    /// </summary>
    protected abstract void WriteRows(ReadOnlySpan<T> rows, IBufferWriter<byte> output, long rowsBefore);

    /// <summary>Writes the end of the file (a closing bracket).</summary>
    protected virtual void WriteEpilogue(IBufferWriter<byte> output)
    {
    }

    /// <summary>Runs after the target was renamed into place (for example to write a schema file beside it).</summary>
    protected virtual void OnPublished()
    {
    }

    /// <summary>Writes a small file atomically: a temp file beside it, fsync, rename.</summary>
    protected static void WriteFileAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.AfterRename(path);
    }

    /// <inheritdoc />
    protected override ValueTask OnBeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_broken)
        {
            throw new WriteException("an earlier write to the temp file failed; the run cannot continue", new DataLocation(DisplayPath));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override ValueTask OnCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            Flush();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The compressor's state is unknown after a failed write: nothing more can be committed.
            _broken = true;
            throw new WriteException($"the batch cannot be written to the temp file: {error.Message}", new DataLocation(DisplayPath), error);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override ValueTask OnRollbackAsync(CancellationToken cancellationToken)
    {
        _pending.ResetWrittenCount();
        _rowsPending = 0;
        _prologuePending = false;
        return ValueTask.CompletedTask;
    }

    private void Flush()
    {
        var bytes = _pending.WrittenSpan;
        if (bytes.Length > 0)
        {
            if (_encoding is null)
            {
                _sink!.Stream.Write(bytes);
            }
            else
            {
                _sink!.Stream.Write(_encoding.GetBytes(Encoding.UTF8.GetString(bytes)));
            }
        }

        // The file stream's position counts its own buffer (64 KB) too: close enough to start writing back.
        _writeback?.Grew(_temp!.Position);
        _pending.ResetWrittenCount();
        _rowsCommitted += _rowsPending;
        _rowsPending = 0;
        _prologueCommitted |= _prologuePending;
        _prologuePending = false;
    }

    // The prologue goes before the first rows of the file.
    private void BeginWrite()
    {
        if (_sink is null || Schema is null)
        {
            throw new InvalidOperationException("ConnectAsync and CreateSchemaAsync must run before WriteAsync");
        }

        if (!_prologueCommitted && !_prologuePending && !_appending)
        {
            WritePrologue(_pending);
            _prologuePending = true;
        }
    }

    // The schema mode applied to the target as it is now; whether its rows stay (an append copies them).
    private bool CheckTarget()
    {
        var exists = File.Exists(TargetPath);
        if (!exists && SchemaMode == SchemaMode.FailIfMissing)
        {
            throw new SchemaException("the file does not exist and the schema mode is fail_if_missing (create it first, or use create_if_missing)", new DataLocation(DisplayPath));
        }

        var hasContent = exists && new FileInfo(TargetPath).Length > 0;
        if (!hasContent || SchemaMode == SchemaMode.DropAndCreate)
        {
            return false;
        }

        if (SchemaMode == SchemaMode.FailIfMissing || WriteMode == WriteMode.Append)
        {
            try
            {
                using var content = FileCompressions.OpenRead(new FileStream(TargetPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Compression, DisplayPath);
                CheckExisting(content, strict: SchemaMode == SchemaMode.FailIfMissing);
            }
            catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new SchemaException($"the existing file cannot be read to compare it with the rows' fields: {error.Message}", new DataLocation(DisplayPath), error);
            }
        }

        return true;
    }

    // Temp files of a killed run: they were never renamed, so they hold nothing anyone relies on.
    private void DeleteLeftovers(string directory)
    {
        foreach (var leftover in Directory.EnumerateFiles(directory, $".{Path.GetFileName(TargetPath)}.*{TempSuffix}"))
        {
            try
            {
                File.Delete(leftover);
            }
            catch (IOException)
            {
                // In use by another writer: leave it.
            }
        }
    }

    private void DeleteTemp()
    {
        if (_tempPath is not null && File.Exists(_tempPath))
        {
            File.Delete(_tempPath);
        }
    }
}
