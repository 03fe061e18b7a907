using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace AiEtl.Internal;

/// <summary>
/// The position of an incremental database read ordered by (cursor column, key): the greatest cursor
/// value read and the keys of the rows read with exactly that value. A rerun selects
/// <c>cursor &gt;= value</c> and skips those keys, so rows that share the boundary value are neither lost
/// (a row with that value committed after the last run is still read) nor read twice. Kept in
/// <see cref="Checkpoint.CustomState"/> as <c>cursor_value</c>, <c>cursor_type</c> and <c>cursor_keys</c>.
/// </summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CursorBoundary
{
    private const string ValueKey = "cursor_value";
    private const string TypeKey = "cursor_type";
    private const string KeysKey = "cursor_keys";

    private HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>The greatest cursor value read, as the database driver returned it; <see langword="null"/> before the first row.</summary>
    public object? Value { get; private set; }

    /// <summary>How many keys are held at the boundary value.</summary>
    public int KeyCount => _keys.Count;

    /// <summary>Restores the boundary saved in <paramref name="checkpoint"/>; empty when it holds none.</summary>
    /// <exception cref="StateException">The saved value cannot be read back.</exception>
    public static CursorBoundary FromCheckpoint(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var boundary = new CursorBoundary();
        var state = checkpoint.CustomState;
        if (!state.TryGetValue(ValueKey, out var value) || !state.TryGetValue(TypeKey, out var type))
        {
            return boundary;
        }

        boundary.Value = Parse(type.GetString() ?? "", value.GetString() ?? "");
        if (state.TryGetValue(KeysKey, out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in keys.EnumerateArray())
            {
                boundary._keys.Add(key.GetString() ?? "");
            }
        }

        return boundary;
    }

    /// <summary>
    /// Records a row read in (cursor, key) order. Returns <see langword="false"/> when the row was already
    /// read by an earlier run (its cursor equals the saved boundary and its key is known), so it is skipped.
    /// </summary>
    public bool Accept(object cursorValue, string key)
    {
        ArgumentNullException.ThrowIfNull(cursorValue);
        if (Value is not null && Value.Equals(cursorValue))
        {
            return _keys.Add(key);
        }

        Value = cursorValue;
        _keys = new HashSet<string>(StringComparer.Ordinal) { key };
        return true;
    }

    /// <summary>The boundary as checkpoint values, to save after the batch that ends here.</summary>
    public Dictionary<string, JsonElement> ToCustomState()
    {
        if (Value is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(ValueKey, Format(Value));
            writer.WriteString(TypeKey, Value.GetType().Name);
            writer.WriteStartArray(KeysKey);
            foreach (var key in _keys.Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>The text of a key value, culture-invariant and exact (round-trip formats for times).</summary>
    public static string FormatKey(object? value) => value switch
    {
        null or DBNull => "",
        _ => Format(value),
    };

    private static string Format(object value) => value switch
    {
        DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("O", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object Parse(string type, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        try
        {
            return type switch
            {
                nameof(String) => text,
                nameof(Int16) => short.Parse(text, invariant),
                nameof(Int32) => int.Parse(text, invariant),
                nameof(Int64) => long.Parse(text, invariant),
                nameof(Decimal) => decimal.Parse(text, NumberStyles.Number, invariant),
                nameof(Double) => double.Parse(text, NumberStyles.Float, invariant),
                nameof(Single) => float.Parse(text, NumberStyles.Float, invariant),
                nameof(DateTime) => DateTime.Parse(text, invariant, DateTimeStyles.RoundtripKind),
                nameof(DateTimeOffset) => DateTimeOffset.Parse(text, invariant, DateTimeStyles.RoundtripKind),
                nameof(DateOnly) => DateOnly.Parse(text, invariant),
                nameof(TimeOnly) => TimeOnly.Parse(text, invariant),
                nameof(Guid) => Guid.Parse(text),
                _ => throw new StateException($"the saved cursor value has type '{type}', which an incremental read cannot resume from"),
            };
        }
        catch (FormatException error)
        {
            throw new StateException($"the saved cursor value '{text}' is not a {type}", innerException: error);
        }
    }
}
