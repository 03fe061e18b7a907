namespace AiEtl.Generators;

/// <summary>
/// What a destination does with a field it has no native type for (docs/type-mapping.md), reported as AIETL1116 so
/// the stored form is no surprise: the values round-trip through AiEtl, but other readers of the table see the text.
/// </summary>
internal static class DestinationConversions
{
    /// <summary>How <paramref name="destination"/> stores <paramref name="field"/>, or <see langword="null"/> when natively.</summary>
    public static string? Of(string destination, FieldSpec field)
    {
        var isList = field.Collection != CollectionKind.None;
        return destination switch
        {
            "sqlite" when isList => "as JSON array text",
            "sqlite" => field.Kind switch
            {
                FieldValueKind.Guid => "as text in the D form",
                FieldValueKind.Date => "as yyyy-MM-dd text",
                FieldValueKind.Time => "as HH:mm:ss text",
                FieldValueKind.DateTime or FieldValueKind.DateTimeOffset => "as ISO-8601 text",
                FieldValueKind.Boolean => "as the integers 1 and 0",
                FieldValueKind.Enum => "as the member's name",
                _ => null,
            },
            "csv" when isList => "as JSON array text",
            "postgres" => field.Kind switch
            {
                FieldValueKind.Time or FieldValueKind.DateTimeOffset when !isList => "to the microsecond",
                FieldValueKind.DateTime when !isList => "as TIMESTAMP, to the microsecond and without its Kind",
                FieldValueKind.Enum => "as the member's name",
                _ => null,
            },
            _ => null,
        };
    }
}
