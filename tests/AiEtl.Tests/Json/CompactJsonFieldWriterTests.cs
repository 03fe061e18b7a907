using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AiEtl.Json;
using AiEtl.Tests.Files;
using CsCheck;

namespace AiEtl.Tests.Json;

/// <summary>
/// The compact writer against the path it replaces: the same calls through <see cref="JsonFieldWriter"/> over a
/// <see cref="Utf8JsonWriter"/> (relaxed escaping, as the destination configures it) must give the same bytes,
/// or fail the same way, for every field type and every array element type.
/// </summary>
public sealed class CompactJsonFieldWriterTests : IDisposable
{
    private static readonly string[] Names = ["id", "naïve", "quo\"te", "<b>&", "a\\b", "line\nbreak", "emoji😀", "tab\t", "x", "y", "z", "w"];

    // In a field rather than in attributes: test discovery would replace the lone surrogates.
    private static readonly string[] AwkwardStrings =
    [
        "",
        "plain ascii",
        "quote \" backslash \\ slash /",
        "\0\u0001\b\t\n\f\r\u001f\u007f",
        "C1 \u0080\u0085\u009f soft hyphen \u00ad",
        "non-ASCII Zoë ✓ 日本語 Ünïcödé",
        "line separators \u2028 \u2029",
        "emoji 😀 and 👩‍👩‍👧",
        "lone high \ud800 surrogate",
        "lone low \udc00 surrogate",
        "ends with a high surrogate \ud83d",
        "html <script>alert('x')</script> & + `",
        "BOM \ufeff replacement \ufffd noncharacters \ufffe \uffff unassigned \u0378",
        "private use \ue000 and Arabic \u0600 letter mark \u200e",
    ];

    private static readonly string[] InvalidJson =
    [
        "",
        "   ",
        "1 2",
        "{",
        "[1,]",
        "{'a':1}",
        "/* comment */ 1",
        "NaN",
        "\"\ud800\"",
        "\"unterminated",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-jsoncompact-").FullName;

    private enum Kind
    {
        Null,
        String,
        Int16,
        Int32,
        Int64,
        Single,
        Double,
        Decimal,
        Boolean,
        Date,
        Time,
        DateTime,
        DateTimeOffset,
        Guid,
        Json,
        Enum,
        FlagsEnum,
        Array,
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Random_rows_of_every_field_type_are_byte_identical_to_Utf8JsonWriter()
    {
        Gen.Select(Gen.Int[1, 2048], Rows()).Sample(
            (capacity, rows) => AssertSameBytes(rows, capacity),
            iter: 3000,
            print: t => Describe(t.Item2));
    }

    [Fact]
    public void Awkward_strings_are_escaped_as_Utf8JsonWriter_escapes_them()
    {
        // Short, and long enough for the escaping buffer to come from the pool.
        foreach (var value in AwkwardStrings.Concat(AwkwardStrings.Select(text => string.Concat(Enumerable.Repeat(text, 50)))))
        {
            AssertSameBytes([[(Kind.String, value), (Kind.Array, new[] { value, null, value })], [(Kind.Enum, Tier.Gold), (Kind.String, value)]], capacity: 1);
        }
    }

    [Fact]
    public void Every_character_of_the_basic_plane_is_escaped_as_Utf8JsonWriter_escapes_it()
    {
        // Alone, inside a block of ASCII (the eight-at-a-time loop) and in text long enough for the library path.
        var rows = Enumerable.Range(0, 0x10000)
            .Select(c => ((char)c).ToString())
            .Select(c => new (Kind, object?)[] { (Kind.String, c), (Kind.String, $"abcdefg{c}hijklmn"), (Kind.String, $"{new string('a', 20)}{c}{new string('b', 20)}") })
            .ToArray();

        var expected = WriteWithUtf8JsonWriter(rows);
        var actual = WriteCompact(rows, capacity: 1024);

        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var (expectedLines, actualLines) = (Encoding.UTF8.GetString(expected).Split('\n'), Encoding.UTF8.GetString(actual).Split('\n'));
            var first = Enumerable.Range(0, expectedLines.Length).First(i => i >= actualLines.Length || expectedLines[i] != actualLines[i]);
            Assert.Fail($"U+{first:X4}: compact {(first < actualLines.Length ? actualLines[first] : "(missing)")}, writer {expectedLines[first]}");
        }
    }

    [Fact]
    public void Edge_values_of_every_type_are_byte_identical()
    {
        var local = new DateTime(2024, 7, 1, 12, 30, 15, DateTimeKind.Local).AddTicks(1200);
        (Kind, object?)[][] rows =
        [
            [(Kind.Int16, short.MinValue), (Kind.Int16, short.MaxValue), (Kind.Int32, int.MinValue), (Kind.Int32, int.MaxValue), (Kind.Int64, long.MinValue), (Kind.Int64, long.MaxValue)],
            [(Kind.Single, float.NaN), (Kind.Single, float.PositiveInfinity), (Kind.Single, float.NegativeInfinity), (Kind.Single, float.MaxValue), (Kind.Single, float.Epsilon), (Kind.Single, -0f), (Kind.Single, 0.1f)],
            [(Kind.Double, double.NaN), (Kind.Double, double.PositiveInfinity), (Kind.Double, double.NegativeInfinity), (Kind.Double, double.MinValue), (Kind.Double, double.Epsilon), (Kind.Double, -0d), (Kind.Double, 1e21), (Kind.Double, 123456789012345680d)],
            [(Kind.Decimal, decimal.MinValue), (Kind.Decimal, decimal.MaxValue), (Kind.Decimal, 1.50m), (Kind.Decimal, -0.0000000000000000000000000001m), (Kind.Decimal, 0m), (Kind.Decimal, -0.00m), (Kind.Decimal, 100m), (Kind.Decimal, 0.05m), (Kind.Decimal, 18446744073709551615m)],
            [(Kind.Date, DateOnly.MinValue), (Kind.Date, DateOnly.MaxValue), (Kind.Time, TimeOnly.MinValue), (Kind.Time, TimeOnly.MaxValue), (Kind.Time, new TimeOnly(1, 2, 3, 400))],
            [(Kind.DateTime, DateTime.MinValue), (Kind.DateTime, DateTime.MaxValue), (Kind.DateTime, DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)), (Kind.DateTime, local), (Kind.DateTime, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(10))],
            [(Kind.DateTimeOffset, DateTimeOffset.MinValue), (Kind.DateTimeOffset, DateTimeOffset.MaxValue), (Kind.DateTimeOffset, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(-(14 * 60)))), (Kind.DateTimeOffset, new DateTimeOffset(2024, 1, 2, 3, 4, 5, 600, TimeSpan.FromMinutes(345)))],
            [(Kind.Guid, Guid.Empty), (Kind.Guid, Guid.AllBitsSet), (Kind.Boolean, true), (Kind.Boolean, false), (Kind.Null, null), (Kind.String, null)],
            [(Kind.Enum, (Tier)42), (Kind.FlagsEnum, AttributeTargets.Class | AttributeTargets.Method), (Kind.FlagsEnum, (AttributeTargets)0), (Kind.FlagsEnum, AttributeTargets.All)],
            [(Kind.Json, " { \"a\" : [1, 2.50, null, \"x\\u0041\"] } "), (Kind.Json, "\"Zoë 😀 \u2028\""), (Kind.Json, "-0.0e+0"), (Kind.Json, "null")],
            [(Kind.Array, new[] { float.NaN, 0.1f, float.MinValue, float.NegativeInfinity }), (Kind.Array, new[] { double.NaN, double.PositiveInfinity, 0.1, -0d }), (Kind.Array, Array.Empty<string>())],
            [(Kind.Array, new[] { local, DateTime.MinValue, DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) }), (Kind.Array, new[] { DateTimeOffset.MinValue, DateTimeOffset.MaxValue }), (Kind.Array, new[] { TimeOnly.MinValue, TimeOnly.MaxValue })],
            [],
        ];

        AssertSameBytes(rows, capacity: 16);
    }

    [Fact]
    public void Invalid_json_fields_fail_as_Utf8JsonWriter_fails()
    {
        foreach (var json in InvalidJson)
        {
            var expected = Assert.ThrowsAny<Exception>(() => WriteWithUtf8JsonWriter([[(Kind.Json, json)]]));
            var actual = Assert.ThrowsAny<Exception>(() => WriteCompact([[(Kind.Json, json)]], capacity: 64));

            Assert.Equal(expected.GetType(), actual.GetType());
        }
    }

    [Theory]
    [InlineData("rows.jsonl")]
    [InlineData("rows.json")]
    public async Task The_destination_writes_the_bytes_of_the_Utf8JsonWriter_path(string name)
    {
        var path = Path.Combine(_directory, name);
        var rows = FileTestData.Rows(40);

        var result = await FileTestData.WriteAsync(new JsonDestination<FileRow>(path), rows);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(Encoding.UTF8.GetString(ExpectedFile(rows, lines: name.EndsWith(".jsonl", StringComparison.Ordinal))), await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_string_the_old_path_refuses_is_refused_with_a_write_error()
    {
        var path = Path.Combine(_directory, "bad.jsonl");
        var rows = FileTestData.Rows(3);
        rows[1] = rows[1] with { Payload = "{\"open\": " };

        var result = await FileTestData.WriteAsync(new JsonDestination<FileRow>(path), rows);

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Stage == PipelineStage.Load && e.Message.Contains("a row cannot be written", StringComparison.Ordinal));
    }

    // What JsonDestination wrote before it had the compact writer: one Utf8JsonWriter, flushed after every row.
    private static byte[] ExpectedFile(List<FileRow> rows, bool lines)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var names = FileRow.Schema.Fields.Select(f => JsonEncodedText.Encode(f.Name)).ToArray();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var fields = new JsonFieldWriter(writer, names);
        buffer.Write(lines ? ""u8 : "["u8);
        for (var i = 0; i < rows.Count; i++)
        {
            buffer.Write(lines || i == 0 ? ""u8 : ","u8);
            writer.WriteStartObject();
            FileRow.WriteFields(rows[i], ref fields);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset(buffer);
            buffer.Write(lines ? "\n"u8 : ""u8);
        }

        buffer.Write(lines ? ""u8 : "]\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void AssertSameBytes((Kind Kind, object? Value)[][] rows, int capacity)
    {
        // Rows one at a time, so a row that fails on one path must fail on the other (as with raw JSON that does not parse).
        foreach (var row in rows)
        {
            byte[]? expected = null;
            Exception? expectedError = null;
            try
            {
                expected = WriteWithUtf8JsonWriter([row]);
            }
            catch (Exception error) when (error is ArgumentException or JsonException)
            {
                expectedError = error;
            }

            if (expectedError is not null)
            {
                var actualError = Assert.ThrowsAny<Exception>(() => WriteCompact([row], capacity));
                Assert.Equal(expectedError.GetType(), actualError.GetType());
                continue;
            }

            var actual = WriteCompact([row], capacity);
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                Assert.Fail($"compact {Encoding.UTF8.GetString(actual)}\nwriter  {Encoding.UTF8.GetString(expected!)}\nrow {Describe([row])}");
            }
        }

        // And all the rows together: the writer keeps its buffer and its separators from row to row.
        var good = rows.Where(r => !r.Any(p => p.Kind == Kind.Json && !IsJson((string?)p.Value))).ToArray();
        Assert.Equal(WriteWithUtf8JsonWriter(good), WriteCompact(good, capacity));
    }

    private static bool IsJson(string? json)
    {
        try
        {
            WriteWithUtf8JsonWriter([[(Kind.Json, json)]]);
            return true;
        }
        catch (Exception error) when (error is ArgumentException or JsonException)
        {
            return false;
        }
    }

    private static byte[] WriteWithUtf8JsonWriter((Kind Kind, object? Value)[][] rows)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var fields = new JsonFieldWriter(writer, [.. Names.Select(n => JsonEncodedText.Encode(n))]);
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                Write(ref fields, i, row[i].Kind, row[i].Value);
            }

            writer.WriteEndObject();
            writer.Flush();
            writer.Reset(buffer);
            buffer.Write("\n"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] WriteCompact((Kind Kind, object? Value)[][] rows, int capacity)
    {
        // A small first buffer makes rows outgrow it half-way, through every kind of value.
        var buffer = new ArrayBufferWriter<byte>(capacity);
        var fields = new CompactJsonFieldWriter(buffer, CompactJsonFieldWriter.EncodeNames([.. Names.Select(n => JsonEncodedText.Encode(n))]));
        foreach (var row in rows)
        {
            fields.WriteStartObject(default);
            for (var i = 0; i < row.Length; i++)
            {
                Write(ref fields, i, row[i].Kind, row[i].Value);
            }

            fields.WriteEndObject("\n"u8);
        }

        fields.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write<TWriter>(ref TWriter writer, int ordinal, Kind kind, object? value)
        where TWriter : IFieldWriter, allows ref struct
    {
        switch (kind)
        {
            case Kind.Null:
                writer.WriteNull(ordinal);
                break;
            case Kind.String:
                writer.WriteString(ordinal, (string)value!);
                break;
            case Kind.Int16:
                writer.WriteInt16(ordinal, (short)value!);
                break;
            case Kind.Int32:
                writer.WriteInt32(ordinal, (int)value!);
                break;
            case Kind.Int64:
                writer.WriteInt64(ordinal, (long)value!);
                break;
            case Kind.Single:
                writer.WriteSingle(ordinal, (float)value!);
                break;
            case Kind.Double:
                writer.WriteDouble(ordinal, (double)value!);
                break;
            case Kind.Decimal:
                writer.WriteDecimal(ordinal, (decimal)value!);
                break;
            case Kind.Boolean:
                writer.WriteBoolean(ordinal, (bool)value!);
                break;
            case Kind.Date:
                writer.WriteDate(ordinal, (DateOnly)value!);
                break;
            case Kind.Time:
                writer.WriteTime(ordinal, (TimeOnly)value!);
                break;
            case Kind.DateTime:
                writer.WriteDateTime(ordinal, (DateTime)value!);
                break;
            case Kind.DateTimeOffset:
                writer.WriteDateTimeOffset(ordinal, (DateTimeOffset)value!);
                break;
            case Kind.Guid:
                writer.WriteGuid(ordinal, (Guid)value!);
                break;
            case Kind.Json:
                writer.WriteJson(ordinal, (string)value!);
                break;
            case Kind.Enum:
                writer.WriteEnum(ordinal, (Tier)value!);
                break;
            case Kind.FlagsEnum:
                writer.WriteEnum(ordinal, (AttributeTargets)value!);
                break;
            case Kind.Array:
                WriteArray(ref writer, ordinal, value!);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static void WriteArray<TWriter>(ref TWriter writer, int ordinal, object values)
        where TWriter : IFieldWriter, allows ref struct
    {
        switch (values)
        {
            case string?[] v:
                writer.WriteArray<string?>(ordinal, v);
                break;
            case int[] v:
                writer.WriteArray<int>(ordinal, v);
                break;
            case long[] v:
                writer.WriteArray<long>(ordinal, v);
                break;
            case short[] v:
                writer.WriteArray<short>(ordinal, v);
                break;
            case double[] v:
                writer.WriteArray<double>(ordinal, v);
                break;
            case float[] v:
                writer.WriteArray<float>(ordinal, v);
                break;
            case decimal[] v:
                writer.WriteArray<decimal>(ordinal, v);
                break;
            case bool[] v:
                writer.WriteArray<bool>(ordinal, v);
                break;
            case DateOnly[] v:
                writer.WriteArray<DateOnly>(ordinal, v);
                break;
            case TimeOnly[] v:
                writer.WriteArray<TimeOnly>(ordinal, v);
                break;
            case DateTime[] v:
                writer.WriteArray<DateTime>(ordinal, v);
                break;
            case DateTimeOffset[] v:
                writer.WriteArray<DateTimeOffset>(ordinal, v);
                break;
            case Guid[] v:
                writer.WriteArray<Guid>(ordinal, v);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(values), values.GetType().Name);
        }
    }

    // Text with everything escaping has to get right: quotes, backslashes, control characters, C1 controls,
    // non-ASCII, line separators, unassigned code points, surrogate pairs and lone surrogates, long runs.
    private static Gen<string> Text()
    {
        var piece = Gen.OneOf(
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.Char[' ', '~'].Select(c => c.ToString()),
            Gen.Char['\0', '\u001f'].Select(c => c.ToString()),
            Gen.Char['\u007f', '\u00ff'].Select(c => c.ToString()),
            Gen.Char['\u0100', '\uffff'].Select(c => c.ToString()),
            Gen.OneOf("\"", "\\", "\u2028", "\u2029", "\ufeff", "\ufffd", "\u0378", "😀", "👩‍👩‍👧", "\ud83d", "\ude00", "<>&'+`", "Zoë", "日本"),
            Gen.String[0, 12]);
        return Gen.Frequency(
            (10, piece.Array[0, 12].Select(string.Concat)),
            (1, piece.Array[60, 120].Select(string.Concat)),
            (1, Gen.OneOf("", " ")));
    }

    // Ticks cut to whole seconds, milliseconds, microseconds or not at all: fractions with and without trailing zeros.
    private static Gen<long> Ticks(long min, long max) =>
        Gen.Select(Gen.Long[min, max], Gen.OneOf(1L, 10L, 10_000L, TimeSpan.TicksPerSecond), (ticks, unit) => ticks - (ticks % unit));

    private static Gen<DateTime> DateTimes() =>
        Gen.Frequency(
            (8, Gen.Select(Ticks(0, DateTime.MaxValue.Ticks), Gen.OneOf(DateTimeKind.Unspecified, DateTimeKind.Utc, DateTimeKind.Local), (ticks, kind) => new DateTime(ticks, kind))),
            (1, Gen.OneOf(DateTime.MinValue, DateTime.MaxValue, DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Local))));

    // At least a day from either end, so that every offset keeps the UTC time in range.
    private static Gen<DateTimeOffset> DateTimeOffsets() =>
        Gen.Select(
            Ticks(TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay),
            Gen.Int[-14 * 60, 14 * 60],
            (ticks, minutes) => new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes)));

    private static Gen<float> Singles() => Gen.Frequency((4, Gen.Float), (1, Gen.Float.Special), (1, Gen.Int.Select(i => i / 100f)));

    private static Gen<double> Doubles() => Gen.Frequency((4, Gen.Double), (1, Gen.Double.Special), (1, Gen.Long.Select(i => i / 1000d)));

    private static Gen<decimal> Decimals() =>
        Gen.Frequency((4, Gen.Decimal), (1, Gen.OneOf(decimal.MinValue, decimal.MaxValue, 0m, 0.00m, -0.00m, -1.50m, 1e-28m, -1e-28m, 18446744073709551615m, 18446744073709551616m, 0.18446744073709551615m)), (2, Gen.Long.Select(i => i / 100m)));

    private static Gen<string> Json() =>
        Gen.Frequency(
            (6, Gen.Select(Text(), Doubles().Where(double.IsFinite), Gen.Bool, (s, d, b) => JsonSerializer.Serialize(new object?[] { s, d, b, null, new { n = s } }))),
            (1, Text().Select(s => $" \t\"{s.Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)}\"\n")),
            (1, Gen.OneOf("", " ", "1 2", "{", "[1,]", "tru", "01", "\"\ud800\"")));

    private static Gen<(Kind, object?)> Property() =>
        Gen.Frequency<(Kind, object?)>(
            (1, Gen.Const<(Kind, object?)>((Kind.Null, (object?)null))),
            (6, Text().Select(s => (Kind.String, (object?)s))),
            (1, Gen.Short.Select(v => (Kind.Int16, (object?)v))),
            (1, Gen.Int.Select(v => (Kind.Int32, (object?)v))),
            (1, Gen.Long.Select(v => (Kind.Int64, (object?)v))),
            (2, Singles().Select(v => (Kind.Single, (object?)v))),
            (2, Doubles().Select(v => (Kind.Double, (object?)v))),
            (2, Decimals().Select(v => (Kind.Decimal, (object?)v))),
            (1, Gen.Bool.Select(v => (Kind.Boolean, (object?)v))),
            (1, Gen.DateOnly.Select(v => (Kind.Date, (object?)v))),
            (1, Gen.TimeOnly.Select(v => (Kind.Time, (object?)v))),
            (2, DateTimes().Select(v => (Kind.DateTime, (object?)v))),
            (2, DateTimeOffsets().Select(v => (Kind.DateTimeOffset, (object?)v))),
            (1, Gen.Guid.Select(v => (Kind.Guid, (object?)v))),
            (2, Json().Select(v => (Kind.Json, (object?)v))),
            (1, Gen.Enum<Tier>().Select(v => (Kind.Enum, (object?)v))),
            (1, Gen.Int[0, 0x7fff].Select(v => (Kind.FlagsEnum, (object?)(AttributeTargets)v))),
            (4, Arrays().Select(v => (Kind.Array, (object?)v))));

    private static Gen<object> Arrays() =>
        Gen.OneOf<object>(
            Gen.Frequency((1, Gen.Const((string?)null)), (6, Text().Select(s => (string?)s))).Array[0, 5].Select(v => (object)v),
            Gen.Int.Array[0, 5].Select(v => (object)v),
            Gen.Long.Array[0, 5].Select(v => (object)v),
            Gen.Short.Array[0, 5].Select(v => (object)v),
            Doubles().Array[0, 5].Select(v => (object)v),
            Singles().Array[0, 5].Select(v => (object)v),
            Decimals().Array[0, 5].Select(v => (object)v),
            Gen.Bool.Array[0, 5].Select(v => (object)v),
            Gen.DateOnly.Array[0, 5].Select(v => (object)v),
            Gen.TimeOnly.Array[0, 5].Select(v => (object)v),
            DateTimes().Array[0, 5].Select(v => (object)v),
            DateTimeOffsets().Array[0, 5].Select(v => (object)v),
            Gen.Guid.Array[0, 5].Select(v => (object)v));

    private static Gen<(Kind Kind, object? Value)[][]> Rows() =>
        Property().Array[0, Names.Length].Array[1, 4];

    private static string Describe((Kind Kind, object? Value)[][] rows) =>
        string.Join(" | ", rows.Select(r => string.Join(", ", r.Select(p => $"{p.Kind}:{Show(p.Value)}"))));

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        System.Collections.IEnumerable list => $"[{string.Join(", ", list.Cast<object?>().Select(Show))}]",
        DateTime d => $"{d:O} ({d.Kind})",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
