namespace AiEtl;

/// <summary>A row broke one or more declared constraints; the message lists every violation.</summary>
public sealed class ValidationException : TransformException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="schemaName">The name of the row's schema.</param>
    /// <param name="violations">Every violation of the row; at least one.</param>
    public ValidationException(string schemaName, IReadOnlyList<Violation> violations)
        : base(Describe(schemaName, violations))
    {
        Violations = violations;
    }

    /// <summary>Every violation of the row, in field order.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    private static string Describe(string schemaName, IReadOnlyList<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var count = violations.Count == 1 ? "1 violation" : $"{violations.Count} violations";
        return $"{schemaName} row has {count}: {string.Join("; ", violations.Select(violation => violation.Message))}";
    }
}
