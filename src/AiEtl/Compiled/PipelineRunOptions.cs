using Microsoft.Extensions.Logging;

namespace AiEtl;

/// <summary>
/// How one run of a compiled pipeline goes: where its relative paths start, the values of its <c>${VAR}</c>
/// placeholders, and the knobs that belong to a run rather than to the pipeline (a full refresh, progress, logging).
/// </summary>
public sealed record PipelineRunOptions
{
    /// <summary>The options of a run that changes nothing.</summary>
    public static PipelineRunOptions Default { get; } = new();

    /// <summary>
    /// The folder relative paths of the pipeline file (sources, destinations, state, dead-letter file) start from;
    /// <see langword="null"/> (the default) for the working directory, as a program's relative paths do. A compiled
    /// pipeline has no file beside it at run time, which is where <c>aietl run</c> starts them.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Values of <c>${VAR}</c> placeholders, looked up before the process environment; a placeholder's default
    /// (<c>${VAR:-default}</c>) applies when neither has the variable.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads the source from its start, ignoring the state of earlier runs (see <see cref="PipelineOptions.FullRefresh"/>).</summary>
    public bool FullRefresh { get; init; }

    /// <summary>Receives the run's progress, or <see langword="null"/>.</summary>
    public IProgress<PipelineProgress>? Progress { get; init; }

    /// <summary>Where the run logs, or <see langword="null"/> for no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The text of a setting with its placeholders resolved: <see cref="Variables"/>, then the process environment, then the default.</summary>
    /// <param name="text">The setting as written in the pipeline file.</param>
    /// <param name="setting">The setting's key path, for the error (never its value, which may be a secret).</param>
    /// <exception cref="PipelineConfigurationException">A variable is set nowhere and has no default.</exception>
    public string Resolve(string text, string setting) =>
        EnvironmentPlaceholders.Expand(text, setting, name => Variables.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name))!;

    /// <summary>The full path of a path setting: resolved as <see cref="Resolve"/> does, and relative to <see cref="BaseDirectory"/>.</summary>
    /// <param name="path">The path as written in the pipeline file.</param>
    /// <param name="setting">The setting's key path, for the error.</param>
    public string PathOf(string path, string setting) =>
        Path.GetFullPath(Path.Combine(BaseDirectory ?? Environment.CurrentDirectory, Resolve(path, setting)));
}
