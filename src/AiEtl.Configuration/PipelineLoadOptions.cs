using System;
using System.Collections.Generic;

namespace AiEtl.Configuration;

/// <summary>How a pipeline file is loaded: where its environment comes from, and overrides of its keys.</summary>
public sealed class PipelineLoadOptions
{
    /// <summary>
    /// The <c>.env</c> file (the CLI's <c>--env-file</c>); it must exist. <see langword="null"/> (the default) reads
    /// <c>.env</c> beside the pipeline file when there is one.
    /// </summary>
    public string? EnvFilePath { get; init; }

    /// <summary>The process environment; <see langword="null"/> (the default) for the real one. Tests pass their own.</summary>
    public Func<string, string?>? ProcessEnvironment { get; init; }

    /// <summary>
    /// Whether the file is checked for the compiler (a <c>*.etl.yaml</c> of a compiled pipeline) rather than run now: no
    /// environment and no <c>.env</c> file is read, <c>${VAR}</c> placeholders in text settings are kept as written (the
    /// compiled pipeline resolves them when it runs), a placeholder in a number, flag or choice takes its default, and
    /// <c>schema_file</c> is not read.
    /// </summary>
    public bool ForCompiler { get; init; }

    /// <summary><c>key.path=value</c> overrides applied before validation (the CLI's <c>--set</c>).</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];
}
