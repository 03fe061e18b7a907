using System.Text.Json;

namespace AiEtl.Json;

/// <summary>
/// Where each schema field's value is inside one JSON object: found in one pass with
/// <see cref="Utf8JsonReader"/>, reused for every row. Properties are matched by field name (the next
/// field in schema order is tried first, so objects written in schema order match at once).
/// </summary>
internal sealed class JsonObjectIndex
{
    private readonly JsonEncodedText[] _names;
    private readonly string[] _plainNames;
    private readonly bool _ignoreCase;

    public JsonObjectIndex(Schema schema, bool ignoreCase)
    {
        _plainNames = [.. schema.Fields.Select(f => f.Name)];
        _names = [.. _plainNames.Select(n => JsonEncodedText.Encode(n))];
        _ignoreCase = ignoreCase;
        Starts = new int[_names.Length];
        Lengths = new int[_names.Length];
        Kinds = new JsonTokenType[_names.Length];
    }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    public JsonTokenType[] Kinds { get; }

    /// <summary>Indexes <paramref name="json"/>; returns why it is not one JSON object, or null.</summary>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public string? Index(ReadOnlySpan<byte> json)
    {
        Array.Fill(Lengths, -1);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            return "the line holds no JSON value";
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return $"expected a JSON object, found {Describe(reader.TokenType)}";
        }

        var hint = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var ordinal = Match(ref reader, hint);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var kind = reader.TokenType;
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            if (ordinal >= 0)
            {
                Starts[ordinal] = start;
                Lengths[ordinal] = (int)reader.BytesConsumed - start;
                Kinds[ordinal] = kind;
                hint = ordinal + 1;
            }
        }

        // Anything after the object (a second value on the line) is malformed.
        return reader.Read() ? "more than one JSON value" : null;
    }

    private int Match(ref Utf8JsonReader reader, int hint)
    {
        if (hint < _names.Length && reader.ValueTextEquals(_names[hint].EncodedUtf8Bytes))
        {
            return hint;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (reader.ValueTextEquals(_names[i].EncodedUtf8Bytes))
            {
                return i;
            }
        }

        if (_ignoreCase)
        {
            var name = reader.GetString();
            for (var i = 0; i < _plainNames.Length; i++)
            {
                if (string.Equals(_plainNames[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
