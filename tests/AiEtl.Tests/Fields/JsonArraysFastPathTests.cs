using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AiEtl.Internal;
using CsCheck;

namespace AiEtl.Tests.Fields;

/// <summary>
/// The fast path of <see cref="JsonArrays.Parse{TElement}(ReadOnlySpan{byte})"/> (flat arrays of plain strings or
/// integers) gives exactly what the <see cref="Utf8JsonReader"/> path gave before it: the same values, and for text it
/// does not take, the same <see cref="FormatException"/>.
/// </summary>
public sealed class JsonArraysFastPathTests
{
    // Cases per property test (CsCheck prints the seed and the smallest failing input).
    private const int Cases = 50_000;

    [Theory]
    [InlineData("[]")]
    [InlineData(" \t\r\n[ \t\r\n] \t\r\n")]
    [InlineData("[\"partner\",\"wholesale\",\"early-adopter\"]")]
    [InlineData("[ \"a\" , \"\" ,\"b c\"\n]")]
    [InlineData("[\"é\",\"日本\",\"𝄞\"]")] // valid UTF-8, not escaped
    [InlineData("[\"'/<>&\u007f\"]")]
    [InlineData("[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\",\"17\",\"18\",\"19\",\"20\"]")]
    public void Plain_string_arrays_take_the_fast_path(string json)
    {
        Assert.True(JsonArrays.TryParseFlat<string>(Encoding.UTF8.GetBytes(json), out _));
        AssertSame<string>(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [InlineData("[\"a\\\"b\"]")] // escapes
    [InlineData("[\"\\u00e9\"]")]
    [InlineData("[\"a\\nb\"]")]
    [InlineData("[[\"a\"]]")] // nested
    [InlineData("[{\"a\":1}]")]
    [InlineData("\uFEFF[\"a\"]")] // a byte order mark: an error
    [InlineData("[null]")] // errors from here
    [InlineData("[\"a\",null]")]
    [InlineData("[1]")]
    [InlineData("[\"a\",true]")]
    [InlineData("[\"a\",]")]
    [InlineData("[,\"a\"]")]
    [InlineData("[\"a\" \"b\"]")]
    [InlineData("[\"a\"")]
    [InlineData("[\"a")]
    [InlineData("[\"a\"]]")]
    [InlineData("[\"a\"] x")]
    [InlineData("[\"a\"][]")]
    [InlineData("[\"a\tb\"]")] // a control character inside a string
    [InlineData("[\"a\u0001\"]")]
    [InlineData("{\"a\":1}")]
    [InlineData("\"a\"")]
    [InlineData("[")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("['a']")]
    public void Other_string_array_shapes_are_left_to_the_reader(string json)
    {
        Assert.False(JsonArrays.TryParseFlat<string>(Encoding.UTF8.GetBytes(json), out _));
        AssertSame<string>(Encoding.UTF8.GetBytes(json));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'[', (byte)'"', 0xC3, (byte)'"', (byte)']' })] // truncated sequence
    [InlineData(new byte[] { (byte)'[', (byte)'"', 0xFF, (byte)'"', (byte)']' })] // never valid
    [InlineData(new byte[] { (byte)'[', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)']' })] // an encoded surrogate
    [InlineData(new byte[] { (byte)'[', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)']' })] // overlong
    [InlineData(new byte[] { (byte)'[', (byte)'"', (byte)'a', (byte)'"', (byte)',', (byte)'"', 0x80, (byte)'"', (byte)']' })]
    public void Invalid_UTF8_in_a_string_is_the_same_error_as_before(byte[] json)
    {
        Assert.False(JsonArrays.TryParseFlat<string>(json, out _));
        var error = Assert.Throws<FormatException>(() => JsonArrays.Parse<string>(json));

        Assert.Equal("an element is not String: Cannot transcode invalid UTF-8 JSON text to UTF-16 string.", error.Message);
        AssertSame<string>(json);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[0]")]
    [InlineData("[-0]")]
    [InlineData("[ 1 ,\n-2\t,3 ]")]
    [InlineData("[999999999,-999999999]")]
    public void Plain_integer_arrays_take_the_fast_path(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.True(JsonArrays.TryParseFlat<int>(bytes, out _));
        Assert.True(JsonArrays.TryParseFlat<long>(bytes, out _));
        AssertSame<int>(bytes);
        AssertSame<long>(bytes);
    }

    [Theory]
    [InlineData("[2147483647,-2147483648]")] // ten digits: the reader's range check
    [InlineData("[2147483648]")] // out of range for an int: an error
    [InlineData("[9223372036854775807,-9223372036854775808]")]
    [InlineData("[9223372036854775808]")]
    [InlineData("[1.0]")] // a fraction: an error
    [InlineData("[1e2]")]
    [InlineData("[1E2]")]
    [InlineData("[01]")] // not JSON
    [InlineData("[-01]")]
    [InlineData("[-]")]
    [InlineData("[+1]")]
    [InlineData("[1,]")]
    [InlineData("[1 2]")]
    [InlineData("[1")]
    [InlineData("[1]2")]
    [InlineData("[\"1\"]")]
    [InlineData("[null]")]
    [InlineData("[[1]]")]
    [InlineData("[1a]")]
    [InlineData("[0x10]")]
    public void Other_integer_array_shapes_are_left_to_the_reader(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        AssertSame<int>(bytes);
        AssertSame<long>(bytes);
        AssertSame<short>(bytes);
    }

    [Fact]
    public void Arrays_longer_than_the_stack_buffer_read_whole()
    {
        var strings = Enumerable.Range(0, 100).Select(i => i % 3 == 0 ? $"q\"{i}" : $"s{i}").ToArray();
        var numbers = Enumerable.Range(-50, 100).Select(i => i * 1.5).ToArray();
        var decimals = Enumerable.Range(0, 33).Select(i => i / 8m).ToArray();

        Assert.Equal(strings, JsonArrays.Parse<string>(JsonArrays.Format<string>(strings)));
        Assert.Equal(numbers, JsonArrays.Parse<double>(JsonArrays.Format<double>(numbers)));
        Assert.Equal(decimals, JsonArrays.Parse<decimal>(JsonArrays.Format<decimal>(decimals)));
        foreach (var count in new[] { 7, 8, 9, 16, 17, 33 })
        {
            var escaped = strings[..count].Select(s => s + "\\").ToArray();
            Assert.Equal(escaped, JsonArrays.Parse<string>(JsonArrays.Format<string>(escaped)));
        }
    }

    [Fact]
    public void Random_string_arrays_written_many_ways_parse_as_the_reader_did()
    {
        var fast = 0;
        Gen.Select(StringArrays.SelectMany(values => Gen.Select(Gen.Int[0, 2], Spaces(values.Length), (layout, spaces) => Write(values, layout, spaces))), Mutations)
            .Sample(
                (json, mutation) =>
                {
                    AssertSame<string>(json);
                    Interlocked.Add(ref fast, JsonArrays.TryParseFlat<string>(json, out _) ? 1 : 0);
                    AssertSame<string>(mutation.Apply(json));
                },
                iter: Cases,
                print: t => $"{Encoding.UTF8.GetString(t.Item1)} edited {t.Item2}");

        Assert.InRange(fast, Cases / 4, Cases);
    }

    [Fact]
    public void Random_integer_arrays_written_many_ways_parse_as_the_reader_did()
    {
        var number = Gen.Frequency(
            (2, Gen.Long[-10, 10]),
            (2, Gen.Long[-100_000, 100_000]),
            (2, Gen.Long[int.MinValue - 10L, int.MaxValue + 10L]),
            (1, Gen.Long),
            (1, Gen.OneOf(long.MaxValue, long.MinValue, 999_999_999_999_999_999, -999_999_999_999_999_999, 1_000_000_000_000_000_000)));
        var arrays = Gen.Frequency((2, number.Array[0, 6]), (1, number.Array[0, 40]));
        var fast = 0;
        Gen.Select(arrays.SelectMany(values => Spaces(values.Length).Select(spaces => Write(values, spaces))), Mutations)
            .Sample(
                (json, mutation) =>
                {
                    AssertSame<int>(json);
                    AssertSame<long>(json);
                    Interlocked.Add(ref fast, JsonArrays.TryParseFlat<int>(json, out _) ? 1 : 0);
                    var edited = mutation.Apply(json);
                    AssertSame<int>(edited);
                    AssertSame<long>(edited);
                },
                iter: Cases,
                print: t => $"{Encoding.UTF8.GetString(t.Item1)} edited {t.Item2}");

        Assert.InRange(fast, Cases / 4, Cases);
    }

    // Parse must give what the reader path gave before the fast path: equal values, or the same error.
    private static void AssertSame<TElement>(byte[] json)
    {
        var expected = Catch(() => ReaderParse<TElement>(json));
        var actual = Catch(() => JsonArrays.Parse<TElement>(json));
        var text = Encoding.UTF8.GetString(json);

        if (expected.Error is null)
        {
            Assert.True(actual.Error is null, $"{text}: the reader read it, Parse failed with {actual.Error}");
            Assert.Equal(expected.Values, actual.Values);
            Assert.Equal(typeof(TElement[]), actual.Values!.GetType());
        }
        else
        {
            Assert.True(actual.Error is not null, $"{text}: the reader failed with {expected.Error.Message}, Parse did not");
            Assert.Equal(expected.Error.GetType(), actual.Error.GetType());
            Assert.Equal(expected.Error.Message, actual.Error.Message);
            Assert.Equal(expected.Error.InnerException?.GetType(), actual.Error.InnerException?.GetType());
        }
    }

    private static (TElement[]? Values, Exception? Error) Catch<TElement>(Func<TElement[]> parse)
    {
        try
        {
            return (parse(), null);
        }
        catch (Exception error) when (error is FormatException or OverflowException or NotSupportedException)
        {
            return (null, error);
        }
    }

    // The parser as it was before the fast path, kept here as the oracle: Utf8JsonReader, a list, a copy.
    private static TElement[] ReaderParse<TElement>(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException("not a JSON array");
            }

            var values = new List<TElement>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                values.Add(ReadElement<TElement>(ref reader));
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new FormatException("text after the JSON array");
            }

            return [.. values];
        }
        catch (JsonException error)
        {
            throw new FormatException(error.Message, error);
        }
        catch (InvalidOperationException error)
        {
            throw new FormatException($"an element is not {typeof(TElement).Name}: {error.Message}", error);
        }
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

        throw new NotSupportedException(typeof(TElement).Name);
    }

    // Mostly plain words; sometimes what the fast path leaves to the reader.
    private static Gen<string[]> StringArrays { get; } = CreateStringArrays();

    private static Gen<string[]> CreateStringArrays()
    {
        const string Plain = "abcdefghijklmnopqrstuvwxyz-_ 0123456789";
        var piece = Gen.Frequency(
            (20, Gen.Int[0, Plain.Length - 1].Select(i => Plain[i].ToString())),
            (1, Gen.OneOf("\"", "\\", "\n", "\t", "\u0001", "\u007f", "é", "日", "𝄞", "/", "<", "'", "\u2028")));
        var text = piece.Array[0, 15].Select(string.Concat);
        return Gen.Frequency((2, text.Array[0, 6]), (1, text.Array[0, 40]));
    }

    // JSON whitespace for the gaps around the brackets and each element (most of them empty).
    private static Gen<string[]> Spaces(int elements) =>
        Gen.OneOf("", "", "", "", " ", "\t", "\r\n", " \n\t ").Array[(2 * elements) + 4];

    // Three ways: the default encoder (non-ASCII escaped), the relaxed one (raw UTF-8) and by hand with the given
    // whitespace (raw UTF-8, quotes and backslashes escaped, control characters left raw: invalid JSON).
    private static byte[] Write(string[] values, int layout, string[] spaces)
    {
        switch (layout)
        {
            case 0:
                return Encoding.UTF8.GetBytes(JsonArrays.Format<string>(values));
            case 1:
                return JsonSerializer.SerializeToUtf8Bytes(values, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            default:
                var quoted = values.Select(v => "\"" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
                return Write(quoted.ToArray(), spaces);
        }
    }

    private static byte[] Write(long[] values, string[] spaces) =>
        Write(values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(), spaces);

    // [ element , element ] with spaces[0..4] around the brackets and two more around each comma.
    private static byte[] Write(string[] elements, string[] spaces)
    {
        var text = new StringBuilder(spaces[0]).Append('[').Append(spaces[1]);
        for (var i = 0; i < elements.Length; i++)
        {
            text.Append(i == 0 ? "" : spaces[(2 * i) + 2] + "," + spaces[(2 * i) + 3]).Append(elements[i]);
        }

        return Encoding.UTF8.GetBytes(text.Append(spaces[2]).Append(']').Append(spaces[3]).ToString());
    }

    private static Gen<Mutation> Mutations { get; } =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.OneOf("\"", ",", "[", "]", "\\", " ", "1", "-", "n", "\u0080", "\u00c3", "\u00ff", "\u0000"), (kind, at, insert) => new Mutation(kind, at, (byte)insert[0]));

    // One edit: a byte removed, replaced or inserted, often a structural one, sometimes a byte that is not UTF-8.
    private readonly record struct Mutation(int Kind, int At, byte Byte)
    {
        public byte[] Apply(byte[] json)
        {
            var bytes = new List<byte>(json);
            var position = At % (bytes.Count + 1);
            switch (Kind)
            {
                case 0 when position < bytes.Count:
                    bytes.RemoveAt(position);
                    break;
                case 1 when position < bytes.Count:
                    bytes[position] = Byte;
                    break;
                default:
                    bytes.Insert(position, Byte);
                    break;
            }

            return [.. bytes];
        }
    }
}
