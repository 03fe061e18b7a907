namespace AiEtl.Generators;

/// <summary>
/// What a parse step produced: a value (or <see langword="null"/> when nothing can be generated) and the
/// diagnostics found on the way. The pipeline splits the two so that code is emitted from the value alone.
/// </summary>
/// <typeparam name="TValue">The model type.</typeparam>
/// <param name="Value">The model, or <see langword="null"/>.</param>
/// <param name="Diagnostics">The diagnostics to report.</param>
internal sealed record Result<TValue>(TValue Value, EquatableArray<DiagnosticInfo> Diagnostics);
