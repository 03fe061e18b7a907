using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AiEtl.Internal;

/// <summary>
/// Lists of scalar values as JSON arrays: how text formats (CSV cells, SQLite TEXT) carry
/// <see cref="FieldType.Array"/> fields. Element types are dispatched on <c>typeof(TElement)</c>, which the JIT folds
/// per element type, so nothing is boxed.
/// </summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonArrays
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_utf8;

    [ThreadStatic]
    private static Utf8JsonWriter? t_utf8Writer;

    /// <summary>Whether <typeparamref name="TElement"/> can be an array element.</summary>
    public static bool IsSupported<TElement>() =>
        typeof(TElement) == typeof(string) || typeof(TElement) == typeof(int) || typeof(TElement) == typeof(long)
        || typeof(TElement) == typeof(short) || typeof(TElement) == typeof(double) || typeof(TElement) == typeof(float)
        || typeof(TElement) == typeof(decimal) || typeof(TElement) == typeof(bool) || typeof(TElement) == typeof(DateOnly)
        || typeof(TElement) == typeof(TimeOnly) || typeof(TElement) == typeof(DateTime) || typeof(TElement) == typeof(DateTimeOffset)
        || typeof(TElement) == typeof(Guid);

    /// <summary>Formats a list as a compact JSON array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Format<TElement>(ReadOnlySpan<TElement> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, values);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Formats a list as <see cref="Format{TElement}"/> does, in UTF-8, into a buffer of the calling thread: no
    /// allocation per call. The span is valid until the thread's next call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<byte> FormatUtf8<TElement>(ReadOnlySpan<TElement> values)
    {
        // One huge array must not keep its buffer on the thread for the rest of the run.
        if (t_utf8 is { Capacity: > 1 << 20 })
        {
            t_utf8 = null;
        }

        var buffer = t_utf8 ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_utf8Writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        Write(writer, values);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>Writes a list as a JSON array.</summary>
    public static void Write<TElement>(Utf8JsonWriter writer, ReadOnlySpan<TElement> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            WriteElement(writer, value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Parses a JSON array of <typeparamref name="TElement"/>.</summary>
    /// <exception cref="FormatException">The text is not a JSON array of such values.</exception>
    public static TElement[] Parse<TElement>(ReadOnlySpan<byte> utf8Json) =>
        TryParseFlat<TElement>(utf8Json, out var values) ? values : ParseWithReader<TElement>(utf8Json);

    /// <summary>The exact path: every shape <see cref="Utf8JsonReader"/> reads, and its errors.</summary>
    internal static TElement[] ParseWithReader<TElement>(ReadOnlySpan<byte> utf8Json)
    {
        // The first elements go to a buffer on the stack, more to pooled arrays; only the result is allocated.
        var inline = default(ElementBuffer<TElement>);
        Span<TElement> buffer = inline;
        TElement[]? rented = null;
        var count = 0;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException("not a JSON array");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var value = ReadElement<TElement>(ref reader);
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<TElement>.Shared.Rent(buffer.Length * 2);
                    buffer.CopyTo(larger);
                    Return(rented);
                    rented = larger;
                    buffer = larger;
                }

                buffer[count++] = value;
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new FormatException("text after the JSON array");
            }

            return buffer[..count].ToArray();
        }
        catch (JsonException error)
        {
            throw new FormatException(error.Message, error);
        }
        catch (InvalidOperationException error)
        {
            throw new FormatException($"an element is not {typeof(TElement).Name}: {error.Message}", error);
        }
        finally
        {
            Return(rented);
        }

        static void Return(TElement[]? array)
        {
            if (array is not null)
            {
                ArrayPool<TElement>.Shared.Return(array, RuntimeHelpers.IsReferenceOrContainsReferences<TElement>());
            }
        }
    }

    /// <summary>Parses a JSON array of <typeparamref name="TElement"/> from text.</summary>
    public static TElement[] Parse<TElement>(string json) => Parse<TElement>(Encoding.UTF8.GetBytes(json));

    private static void WriteElement<TElement>(Utf8JsonWriter writer, TElement value)
    {
        if (typeof(TElement) == typeof(string))
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue((string)(object)value);
            }
        }
        else if (typeof(TElement) == typeof(int))
        {
            writer.WriteNumberValue((int)(object)value!);
        }
        else if (typeof(TElement) == typeof(long))
        {
            writer.WriteNumberValue((long)(object)value!);
        }
        else if (typeof(TElement) == typeof(short))
        {
            writer.WriteNumberValue((short)(object)value!);
        }
        else if (typeof(TElement) == typeof(double))
        {
            WriteFloat(writer, (double)(object)value!);
        }
        else if (typeof(TElement) == typeof(float))
        {
            WriteFloat(writer, (float)(object)value!);
        }
        else if (typeof(TElement) == typeof(decimal))
        {
            writer.WriteNumberValue((decimal)(object)value!);
        }
        else if (typeof(TElement) == typeof(bool))
        {
            writer.WriteBooleanValue((bool)(object)value!);
        }
        else if (typeof(TElement) == typeof(DateOnly))
        {
            writer.WriteStringValue(((DateOnly)(object)value!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else if (typeof(TElement) == typeof(TimeOnly))
        {
            writer.WriteStringValue(((TimeOnly)(object)value!).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        }
        else if (typeof(TElement) == typeof(DateTime))
        {
            writer.WriteStringValue((DateTime)(object)value!);
        }
        else if (typeof(TElement) == typeof(DateTimeOffset))
        {
            writer.WriteStringValue((DateTimeOffset)(object)value!);
        }
        else if (typeof(TElement) == typeof(Guid))
        {
            writer.WriteStringValue((Guid)(object)value!);
        }
        else
        {
            throw new NotSupportedException($"{typeof(TElement)} cannot be an array element");
        }
    }

    // JSON has no NaN or infinities: they are written as the strings "NaN", "Infinity" and "-Infinity",
    // as System.Text.Json does with AllowNamedFloatingPointLiterals.
    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static double ReadFloat(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.GetDouble();
        }

        return reader.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new FormatException($"'{other}' is not a number"),
        };
    }

    private static TElement ReadElement<TElement>(ref Utf8JsonReader reader)
    {
        if (typeof(TElement) == typeof(string))
        {
            return (TElement)(object)(reader.GetString() ?? throw new FormatException("null element in a list of strings"));
        }

        if (typeof(TElement) == typeof(int))
        {
            return (TElement)(object)reader.GetInt32();
        }

        if (typeof(TElement) == typeof(long))
        {
            return (TElement)(object)reader.GetInt64();
        }

        if (typeof(TElement) == typeof(short))
        {
            return (TElement)(object)reader.GetInt16();
        }

        if (typeof(TElement) == typeof(double))
        {
            return (TElement)(object)ReadFloat(ref reader);
        }

        if (typeof(TElement) == typeof(float))
        {
            return (TElement)(object)(float)ReadFloat(ref reader);
        }

        if (typeof(TElement) == typeof(decimal))
        {
            return (TElement)(object)reader.GetDecimal();
        }

        if (typeof(TElement) == typeof(bool))
        {
            return (TElement)(object)reader.GetBoolean();
        }

        if (typeof(TElement) == typeof(DateOnly))
        {
            return (TElement)(object)DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (typeof(TElement) == typeof(TimeOnly))
        {
            return (TElement)(object)TimeOnly.Parse(reader.GetString()!, CultureInfo.InvariantCulture);
        }

        if (typeof(TElement) == typeof(DateTime))
        {
            return (TElement)(object)reader.GetDateTime();
        }

        if (typeof(TElement) == typeof(DateTimeOffset))
        {
            return (TElement)(object)reader.GetDateTimeOffset();
        }

        if (typeof(TElement) == typeof(Guid))
        {
            return (TElement)(object)reader.GetGuid();
        }

        throw new NotSupportedException($"{typeof(TElement)} cannot be an array element");
    }

    [InlineArray(8)]
    private struct ElementBuffer<TElement>
    {
        private TElement _first;
    }
}
