using System.Text.Json;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// The checkpoints of a file destination, kept beside its target as <c>.&lt;name&gt;.aietl-state.json</c> and recorded
/// with each publication, so the file is the truth of what was committed. A publication goes in three durable
/// steps: (1) the finished temp file and the checkpoint it will commit are recorded as pending, (2) the temp file is
/// renamed over the target, (3) the pending checkpoint becomes the committed one. The next run finishes an
/// interrupted publication before anything else (<see cref="Recover"/>): a pending temp file that still exists is
/// renamed into place; one that is gone was renamed, which the target's size confirms.
/// </summary>
internal sealed class FileCheckpointManifest(string targetPath)
{
    private const string Suffix = ".aietl-state.json";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(targetPath)!, $".{System.IO.Path.GetFileName(targetPath)}{Suffix}");

    /// <summary>Finishes a publication a killed run left pending; does nothing when there is none.</summary>
    /// <exception cref="StateException">The pending file is gone and the target is not the file it published.</exception>
    public void Recover()
    {
        if (Load() is not { Pending: { } pending } manifest)
        {
            return;
        }

        if (File.Exists(pending.TempFile))
        {
            File.Move(pending.TempFile, targetPath, overwrite: true);
            DirectorySync.AfterRename(targetPath);
        }
        else if (!File.Exists(targetPath) || new FileInfo(targetPath).Length != pending.Size)
        {
            throw new StateException(
                $"a run was stopped while publishing {targetPath} and its finished file {pending.TempFile} is gone, but the target is not the "
                + $"{pending.Size}-byte file it published: the checkpoint cannot be trusted; delete {Path} and run with a full refresh",
                new DataLocation(Path));
        }

        Save(Committed(manifest, pending));
    }

    public StoredCheckpoint? Read(CheckpointKey key)
    {
        var entry = Load()?.Streams.Find(e => e.PipelineId == key.PipelineId && e.SourceId == key.SourceId);
        return entry is null ? null : new StoredCheckpoint(entry.State, entry.TransformState);
    }

    /// <summary>Removes the committed checkpoint of <paramref name="key"/>; the other streams' stay.</summary>
    public void Forget(CheckpointKey key)
    {
        if (Load() is { } manifest && manifest.Streams.Exists(e => e.PipelineId == key.PipelineId && e.SourceId == key.SourceId))
        {
            Save(manifest with { Streams = [.. manifest.Streams.Where(e => e.PipelineId != key.PipelineId || e.SourceId != key.SourceId)] });
        }
    }

    /// <summary>Step 1: records the finished temp file and the checkpoint it commits (appended to the memory committed before, unless it replaces the target).</summary>
    public void Prepare(string tempFile, long size, StagedCheckpoint staged, bool replaces)
    {
        var manifest = Load() ?? new FileManifest();
        var key = staged.Key!;
        var earlier = replaces ? null : manifest.Streams.Find(e => e.PipelineId == key.PipelineId && e.SourceId == key.SourceId);
        var memory = new Dictionary<string, byte[]>(earlier?.TransformState ?? [], StringComparer.Ordinal);
        foreach (var (transform, delta) in staged.Deltas)
        {
            memory[transform] = [.. memory.GetValueOrDefault(transform) ?? [], .. delta.Span];
        }

        var entry = new FileManifestEntry { PipelineId = key.PipelineId, SourceId = key.SourceId, State = staged.State!, TransformState = memory };
        Save(manifest with { Pending = new PendingPublication { TempFile = tempFile, Size = size, Replaces = replaces, Entry = entry } });
    }

    /// <summary>Step 3, after the rename: the pending checkpoint is the committed one.</summary>
    public void Commit()
    {
        if (Load() is { Pending: { } pending } manifest)
        {
            Save(Committed(manifest, pending));
        }
    }

    /// <summary>Forgets a pending publication whose rename did not happen and whose temp file is being deleted.</summary>
    public void Abandon()
    {
        if (Load() is { Pending: not null } manifest)
        {
            Save(manifest with { Pending = null });
        }
    }

    // A replaced target holds none of the rows the other checkpoints described.
    private static FileManifest Committed(FileManifest manifest, PendingPublication pending)
    {
        var entry = pending.Entry;
        var others = pending.Replaces ? [] : manifest.Streams.Where(e => e.PipelineId != entry.PipelineId || e.SourceId != entry.SourceId);
        return manifest with { Streams = [.. others, entry], Pending = null };
    }

    private FileManifest? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(Path);
            return JsonSerializer.Deserialize(stream, FileManifestJsonContext.Default.FileManifest)
                ?? throw new StateException("the checkpoint manifest holds null", new DataLocation(Path));
        }
        catch (JsonException error)
        {
            throw new StateException($"the checkpoint manifest is not valid: {error.Message}", new DataLocation(Path) { Line = error.LineNumber + 1 }, error);
        }
    }

    private void Save(FileManifest manifest)
    {
        var temp = Path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, manifest, FileManifestJsonContext.Default.FileManifest);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
        DirectorySync.AfterRename(Path);
    }
}
