using System.Text.Json;

namespace AiEtl;

/// <summary>
/// Keeps the incremental state of each (pipeline, source, destination) as a JSON file under a state
/// directory: <c>&lt;directory&gt;/&lt;pipeline&gt;/&lt;source&gt;@&lt;destination&gt;.json</c>, each id made a safe file name.
/// A destination that keeps its own checkpoint (<see cref="ICheckpointingDestination"/>) is the truth and this file
/// its mirror. Saves are atomic: the new state is written to a temporary file beside the target,
/// flushed to disk, then renamed over it, so a crash at any point leaves the previous state readable.
/// </summary>
public sealed class StateManager
{
    private const string TempSuffix = ".tmp";

    /// <summary>Creates a manager that keeps its files under <paramref name="stateDirectory"/>.</summary>
    public StateManager(string stateDirectory = ".state")
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        StateDirectory = stateDirectory;
    }

    /// <summary>The directory holding the state files.</summary>
    public string StateDirectory { get; }

    /// <summary>The one file every state goes to (<see cref="ForFile"/>), or <see langword="null"/> for a file per pipeline under <see cref="StateDirectory"/>.</summary>
    public string? StateFile { get; private init; }

    /// <summary>
    /// A manager that keeps the state in exactly <paramref name="stateFile"/>, as the seed's <c>source.state_file</c> names
    /// it, rather than in a file per pipeline, source and destination under a directory. One pipeline's state belongs there.
    /// </summary>
    public static StateManager ForFile(string stateFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateFile);
        var full = Path.GetFullPath(stateFile);
        return new StateManager(Path.GetDirectoryName(full)!) { StateFile = full };
    }

    /// <summary>Called after the temporary file is written and before it replaces the state; tests use it to simulate a crash.</summary>
    internal Action<string>? BeforeReplace { get; set; }

    /// <summary>
    /// The file that holds the state of one source loaded into one destination by one pipeline. Without
    /// <paramref name="destinationId"/>, the file of versions that kept one state per (pipeline, source).
    /// </summary>
    public string GetStatePath(string pipelineId, string adapterId, string? destinationId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pipelineId);
        ArgumentException.ThrowIfNullOrEmpty(adapterId);
        if (StateFile is not null)
        {
            return StateFile;
        }

        var name = destinationId is null
            ? PipelineFileNames.ForId(adapterId)
            : $"{PipelineFileNames.ForId(adapterId)}@{PipelineFileNames.ForId(destinationId)}";
        return Path.Combine(StateDirectory, PipelineFileNames.ForId(pipelineId), name + ".json");
    }

    /// <summary>Reads the saved state, or <see langword="null"/> when there is none.</summary>
    /// <exception cref="StateException">The file exists but is not a valid state file.</exception>
    public PipelineState? GetState(string pipelineId, string adapterId, string? destinationId = null)
    {
        var path = GetStatePath(pipelineId, adapterId, destinationId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, StateJsonContext.Default.PipelineState)
                ?? throw new StateException("the state file holds null", new DataLocation(path));
        }
        catch (JsonException error)
        {
            var location = new DataLocation(path) { Line = error.LineNumber + 1 };
            throw new StateException($"the state file is not valid: {error.Message}", location, error);
        }
    }

    /// <summary>Saves the state atomically and durably (temporary file, fsync, rename, fsync of the directory).</summary>
    public void SaveState(string pipelineId, string adapterId, PipelineState state, string? destinationId = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var path = GetStatePath(pipelineId, adapterId, destinationId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + TempSuffix;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, state, StateJsonContext.Default.PipelineState);
                stream.Flush(flushToDisk: true);
            }

            BeforeReplace?.Invoke(temp);
            File.Move(temp, path, overwrite: true);
            DirectorySync.AfterRename(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new StateException($"could not save the state: {error.Message}", new DataLocation(path), error);
        }
    }

    /// <summary>Deletes the saved state, so the next run reads everything again.</summary>
    public void ClearState(string pipelineId, string adapterId, string? destinationId = null)
    {
        var path = GetStatePath(pipelineId, adapterId, destinationId);
        File.Delete(path);
        File.Delete(path + TempSuffix);
    }
}
