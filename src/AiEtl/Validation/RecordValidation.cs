namespace AiEtl;

/// <summary>Validates single records outside a pipeline.</summary>
public static class RecordValidation
{
    /// <summary>Every violation of <paramref name="record"/>, in field order; empty when it is valid.</summary>
    public static IReadOnlyList<Violation> Validate<T>(in T record)
        where T : IValidatedRecord<T>
    {
        var violations = new ViolationList();
        T.Validate(in record, ref violations);
        return violations.Count == 0 ? [] : [.. violations.Items];
    }

    /// <summary>Whether <paramref name="record"/> breaks no declared constraint.</summary>
    public static bool IsValid<T>(in T record)
        where T : IValidatedRecord<T>
    {
        var counter = default(ViolationCounter);
        T.Validate(in record, ref counter);
        return counter.Count == 0;
    }

    /// <summary>Counts violations without keeping them.</summary>
    private struct ViolationCounter : IViolationCollector
    {
        public int Count { get; private set; }

        public void Add(Violation violation) => Count++;
    }
}
