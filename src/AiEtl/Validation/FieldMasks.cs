namespace AiEtl;

/// <summary>
/// How a field's values are masked wherever a run shows or keeps them (errors, keys, dead-letter rows): whole, by
/// <see cref="Field.Sensitive"/>, or at the paths of <see cref="Field.SensitivePaths"/> inside its JSON. One place, so
/// that every site masks a field alike.
/// </summary>
internal static class FieldMasks
{
    private const string Masked = "***";

    /// <summary>Whether the field's values are masked at all.</summary>
    public static bool Applies(Field field) => field.Sensitive != SensitiveKind.None || field.SensitivePaths.Count > 0;

    /// <summary>Whether any field of the schema is masked.</summary>
    public static bool Applies(Schema schema) => schema.Fields.Any(Applies);

    /// <summary>
    /// The value's text as the field masks it; JSON that cannot be read for its paths is masked whole, never shown.
    /// JSON masked at paths is not shortened (a dead-letter row keeps all of it): a message shortens it itself.
    /// </summary>
    public static string Mask(Field field, string value) =>
        field.Sensitive != SensitiveKind.None ? Internal.ViolationValues.Mask(value, field.Sensitive)
        : field.SensitivePaths.Count > 0 ? JsonPathMasker.Mask(value, field.SensitivePaths) ?? Masked
        : value;
}
