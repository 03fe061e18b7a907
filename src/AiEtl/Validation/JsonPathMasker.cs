using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiEtl;

/// <summary>
/// Masks the values at a JSON field's <see cref="SensitivePath"/>s and keeps the rest of its text as it was (spacing,
/// order, escapes): each masked value's token is replaced by a JSON string of its mask. A string is masked by its
/// kind (<see cref="Internal.ViolationValues.Mask"/>: <c>a***@example.com</c>, <c>***1111</c>); a number or boolean by
/// its text, as a string; an object or array at a masked path as <c>"***"</c>; a null stays null. Text that is not
/// JSON is the caller's to mask whole.
/// </summary>
internal static class JsonPathMasker
{
    private const string Masked = "***";

    /// <summary>
    /// The JSON text with the values at <paramref name="paths"/> masked; <see langword="null"/> when it is not JSON,
    /// since then no path can be found in it and the caller masks all of it. A field whose value is a JSON string
    /// holding an object or array (JSON in JSON, as a text format carries it) is masked inside, and stays a string.
    /// </summary>
    public static string? Mask(string json, IReadOnlyList<SensitivePath> paths) => MaskUtf8(Encoding.UTF8.GetBytes(json), paths);

    private static string? MaskUtf8(byte[] json, IReadOnlyList<SensitivePath> paths)
    {
        var reader = new Utf8JsonReader(json);
        var output = new StringBuilder(json.Length);
        var copied = 0;
        var steps = new List<string?>();

        // Per open container: whether it is an array (each value in it one step "[]"), or an object (the step is the property name).
        var inArray = new Stack<bool>();
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == 0)
            {
                return RootString(json, ref reader, paths);
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        steps[^1] = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        inArray.Pop();
                        steps.RemoveAt(steps.Count - 1);
                        continue;
                }

                // A value: at the path of the steps so far (the root has none).
                var kind = inArray.Count > 0 && reader.TokenType != JsonTokenType.Null ? KindAt(steps, paths) : SensitiveKind.None;
                if (kind != SensitiveKind.None)
                {
                    var start = (int)reader.TokenStartIndex;
                    var mask = MaskOf(ref reader, json, kind);
                    output.Append(Encoding.UTF8.GetString(json, copied, start - copied)).Append(Quoted(mask));
                    copied = (int)reader.BytesConsumed;
                    continue;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var array = reader.TokenType == JsonTokenType.StartArray;
                    inArray.Push(array);
                    steps.Add(null);
                }
            }
            while (reader.Read());
        }
        catch (JsonException)
        {
            return null;
        }

        output.Append(Encoding.UTF8.GetString(json, copied, json.Length - copied));
        return output.ToString();
    }

    // The kind of the first path at the steps, None if none is.
    private static SensitiveKind KindAt(List<string?> steps, IReadOnlyList<SensitivePath> paths)
    {
        foreach (var path in paths)
        {
            if (path.IsAt(steps))
            {
                return path.Kind;
            }
        }

        return SensitiveKind.None;
    }

    // The mask of the value at the reader (a container is skipped past: nothing inside it is kept).
    private static string MaskOf(ref Utf8JsonReader reader, byte[] json, SensitiveKind kind)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Internal.ViolationValues.Mask(reader.GetString()!, kind);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return Internal.ViolationValues.Mask(Encoding.UTF8.GetString(json, (int)reader.TokenStartIndex, (int)reader.BytesConsumed - (int)reader.TokenStartIndex), kind);
            default:
                reader.Skip();
                return Masked;
        }
    }

    private static string? RootString(byte[] json, ref Utf8JsonReader reader, IReadOnlyList<SensitivePath> paths)
    {
        var text = reader.GetString()!;
        if (reader.Read())
        {
            return null;
        }

        var inner = text.TrimStart();
        if (inner.Length == 0 || inner[0] is not ('{' or '['))
        {
            // A plain string is no object or array: no path is in it.
            return Encoding.UTF8.GetString(json);
        }

        return MaskUtf8(Encoding.UTF8.GetBytes(text), paths) is { } masked ? Quoted(masked) : null;
    }

    // A JSON string escaped no more than JSON needs, so JSON in it stays readable (\" rather than \u0022).
    private static string Quoted(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
