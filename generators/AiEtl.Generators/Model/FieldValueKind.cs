namespace AiEtl.Generators;

/// <summary>
/// The kind of value a field of an <c>[EtlRecord]</c> type holds: its CLR type, and for a string whether it holds
/// JSON. Each kind has one <c>AiEtl.FieldType</c> and one pair of <c>IFieldReader</c>/<c>IFieldWriter</c> methods
/// (see <see cref="Emitter"/>).
/// </summary>
internal enum FieldValueKind
{
    /// <summary><see cref="string"/>: FieldType.String.</summary>
    String,

    /// <summary>A <see cref="string"/> with <c>[JsonField]</c>: FieldType.Json.</summary>
    Json,

    /// <summary><c>System.Text.Json.JsonElement</c>: FieldType.Json, read and written as JSON text.</summary>
    JsonElement,

    /// <summary><see cref="short"/>: FieldType.Integer.</summary>
    Int16,

    /// <summary><see cref="int"/>: FieldType.Integer.</summary>
    Int32,

    /// <summary><see cref="long"/>: FieldType.Integer.</summary>
    Int64,

    /// <summary><see cref="float"/>: FieldType.Float.</summary>
    Single,

    /// <summary><see cref="double"/>: FieldType.Float.</summary>
    Double,

    /// <summary><see cref="decimal"/>: FieldType.Decimal.</summary>
    Decimal,

    /// <summary><see cref="bool"/>: FieldType.Boolean.</summary>
    Boolean,

    /// <summary><c>DateOnly</c>: FieldType.Date.</summary>
    Date,

    /// <summary><c>TimeOnly</c>: FieldType.Time.</summary>
    Time,

    /// <summary><see cref="System.DateTime"/>: FieldType.DateTime.</summary>
    DateTime,

    /// <summary><see cref="System.DateTimeOffset"/>: FieldType.Timestamp.</summary>
    DateTimeOffset,

    /// <summary><see cref="System.Guid"/>: FieldType.Guid.</summary>
    Guid,

    /// <summary>Any enum, by member name: FieldType.String.</summary>
    Enum,
}
