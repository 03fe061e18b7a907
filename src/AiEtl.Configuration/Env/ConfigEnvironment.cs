using System;
using System.Collections.Generic;

namespace AiEtl.Configuration.Env;

/// <summary>
/// Where <c>${VAR}</c> placeholders and the seed's environment defaults (<c>DEFAULT_BATCH_SIZE</c>, <c>DB_HOST</c>, ...)
/// come from: the process environment first, then the <c>.env</c> file, as in docker compose, so a variable exported in
/// the shell or by CI overrides the file.
/// </summary>
public sealed class ConfigEnvironment
{
    private readonly Func<string, string?> _process;
    private readonly IReadOnlyDictionary<string, string> _file;

    /// <summary>Creates an environment.</summary>
    /// <param name="process">The process environment (<see cref="System.Environment.GetEnvironmentVariable(string)"/> by default).</param>
    /// <param name="fileValues">The values of the <c>.env</c> file; none by default.</param>
    /// <param name="envFileName">The <c>.env</c> file's path, for messages.</param>
    public ConfigEnvironment(Func<string, string?>? process = null, IReadOnlyDictionary<string, string>? fileValues = null, string? envFileName = null)
    {
        _process = process ?? System.Environment.GetEnvironmentVariable;
        _file = fileValues ?? new Dictionary<string, string>();
        EnvFileName = envFileName;
    }

    /// <summary>The <c>.env</c> file that was read, or <see langword="null"/>.</summary>
    public string? EnvFileName { get; }

    /// <summary>The value of <paramref name="name"/>: the process's, else the <c>.env</c> file's, else <see langword="null"/>.</summary>
    public string? Lookup(string name) => _process(name) ?? (_file.TryGetValue(name, out var value) ? value : null);
}
