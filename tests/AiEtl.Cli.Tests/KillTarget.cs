namespace AiEtl.Cli.Tests;

/// <summary>
/// The destination of a kill trial: its <c>destination:</c> block of the pipeline, the variables the tool needs for
/// it, and how its rows are read back (with the store's own client, never through AiEtl).
/// </summary>
internal sealed record KillTarget(string Yaml, IReadOnlyDictionary<string, string?> Variables, Func<Task<List<KillRow>>> ReadAsync);
