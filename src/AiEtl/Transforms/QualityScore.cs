namespace AiEtl;

/// <summary>
/// The <c>quality_scorer</c>'s score of a row, in [0, 1]:
/// <c>score = w × completeness + (1 − w) × validity</c>, where completeness is the share of the schema's fields
/// that hold a value, validity the share of fields that pass every constraint of the schema (type, range, pattern,
/// allowed values, and nullability: a null in a non-nullable field fails it), and w is
/// <see cref="QualityScorerOptions.CompletenessWeight"/> (0.5 by default). A null in a nullable field costs only
/// completeness; a field with several failed constraints counts once. A schema without fields scores 1.
/// </summary>
public static class QualityScore
{
    /// <summary>The score of a row of <paramref name="fields"/> fields, <paramref name="empty"/> of them without a value and <paramref name="invalid"/> failing a constraint.</summary>
    public static double Of(int fields, int empty, int invalid, double completenessWeight = 0.5)
    {
        if (fields <= 0)
        {
            return 1;
        }

        var completeness = (fields - empty) / (double)fields;
        var validity = (fields - invalid) / (double)fields;
        return (completenessWeight * completeness) + ((1 - completenessWeight) * validity);
    }
}
