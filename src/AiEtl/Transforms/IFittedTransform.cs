namespace AiEtl;

/// <summary>
/// A transform that needs statistics of the whole input before its first row (the null_remover's impute): the run
/// reads the source once through <see cref="Observe"/> before it streams it.
/// </summary>
internal interface IFittedTransform<T>
{
    void BeginFit(Schema schema);

    void Observe(in T row);

    /// <summary>Ends the pass; returns a warning for each statistic the pass could not compute.</summary>
    IReadOnlyList<string> EndFit();
}
