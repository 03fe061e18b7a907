namespace AiEtl;

/// <summary>
/// Receives the violations that a generated <c>Validate</c> method finds in one row. Validation reports every
/// violation of the row, not only the first, so a collector may be called many times per row.
/// </summary>
public interface IViolationCollector
{
    /// <summary>Adds a violation.</summary>
    void Add(Violation violation);
}
