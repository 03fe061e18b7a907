namespace AiEtl;

/// <summary>Turns a row's nulls and violations into its <see cref="QualityScore"/>, and names the checks it failed.</summary>
internal static class QualityChecks
{
    public static double Score(IReadOnlyList<Field> fields, ReadOnlySpan<bool> isNull, IReadOnlyList<Violation> violations, double completenessWeight, List<string>? failedChecks)
    {
        var empty = 0;
        foreach (var value in isNull)
        {
            empty += value ? 1 : 0;
        }

        // A field counts once however many of its constraints fail.
        Span<bool> invalid = fields.Count <= 256 ? stackalloc bool[fields.Count] : new bool[fields.Count];
        var invalidCount = 0;
        foreach (var violation in violations)
        {
            if (!invalid[violation.Ordinal])
            {
                invalid[violation.Ordinal] = true;
                invalidCount++;
            }
        }

        if (failedChecks is not null)
        {
            failedChecks.AddRange(violations.Select(violation => violation.Message));
            for (var i = 0; i < fields.Count; i++)
            {
                // A null in a non-nullable field is already a violation; a nullable one is only incomplete.
                if (isNull[i] && !invalid[i])
                {
                    failedChecks.Add($"{fields[i].Name}: no value");
                }
            }
        }

        return QualityScore.Of(fields.Count, empty, invalidCount, completenessWeight);
    }
}
