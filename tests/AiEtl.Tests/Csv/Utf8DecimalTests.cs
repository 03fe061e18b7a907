using System.Globalization;
using System.Text;
using System.Text.Json;
using AiEtl.Csv;
using CsCheck;

namespace AiEtl.Tests.Csv;

/// <summary>
/// The fast path for plain decimals gives exactly what <c>decimal.TryParse(bytes, NumberStyles.Number, invariant)</c>
/// gives, scale and sign of zero included, and leaves every other shape to it; commas are read only as group
/// separators between groups of three digits (a decimal comma is an error, not a factor of ten or more).
/// </summary>
public sealed class Utf8DecimalTests
{
    // Cases per property test (CsCheck prints the seed and the smallest failing input).
    private const int Cases = 100_000;

    [Theory]
    [InlineData("0", 0, 0, false)]
    [InlineData("-0", 0, 0, true)]
    [InlineData("+0", 0, 0, false)]
    [InlineData("-0.00", 0, 2, true)]
    [InlineData("0.000", 0, 3, false)]
    [InlineData("1.50", 150, 2, false)]
    [InlineData("007.50", 750, 2, false)]
    [InlineData("7266.94", 726694, 2, false)]
    [InlineData("-123456789.123456789", 123456789123456789, 9, true)]
    [InlineData("999999999999999999", 999999999999999999, 0, false)]
    [InlineData("0.00000000000000001", 1, 17, false)]
    [InlineData("+12.345", 12345, 3, false)]
    public void Plain_decimals_take_the_fast_path_with_their_scale(string text, long mantissa, int scale, bool negative)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.True(Utf8Values.TryParsePlainDecimal(bytes, out var value));

        Assert.Equal(new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale), value);
        AssertSame(text);
        Assert.Equal(decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.")] // a point without digits after it
    [InlineData(".5")] // or before it
    [InlineData("-.5")]
    [InlineData(" 1.5")] // whitespace
    [InlineData("1.5 ")]
    [InlineData("\t1")]
    [InlineData("1,234.5")] // thousands separators
    [InlineData("1,2,3")]
    [InlineData("5-")] // trailing sign
    [InlineData("5+")]
    [InlineData("(5)")] // parentheses (not allowed by NumberStyles.Number: an error either way)
    [InlineData("1e3")] // exponents (not allowed by NumberStyles.Number: an error either way)
    [InlineData("1.5E-2")]
    [InlineData("1234567890123456789")] // 19 digits
    [InlineData("123456789.0123456789")]
    [InlineData("0.0000000000000000001")]
    [InlineData("79228162514264337593543950335")] // decimal.MaxValue
    [InlineData("79228162514264337593543950336")] // one more: overflow, an error
    [InlineData("1.0000000000000000000000000000001")] // rounded by decimal.TryParse
    [InlineData("")] // errors
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("--1")]
    [InlineData("+-1")]
    [InlineData("1.2.3")]
    [InlineData("12.5.1")]
    [InlineData("1..2")]
    [InlineData("abc")]
    [InlineData("1a")]
    [InlineData("١٢")] // Arabic-Indic digits
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Other_shapes_are_left_to_decimal_TryParse(string text)
    {
        Assert.False(Utf8Values.TryParsePlainDecimal(Encoding.UTF8.GetBytes(text), out _));
        AssertSame(text);
    }

    [Fact]
    public void Plain_decimals_parse_as_decimal_TryParse_does()
    {
        var fast = 0;
        PlainDecimals.Sample(
            text =>
            {
                AssertSame(text);
                Interlocked.Add(ref fast, Utf8Values.TryParsePlainDecimal(Encoding.UTF8.GetBytes(text), out _) ? 1 : 0);
            },
            iter: Cases);

        // Most of them must have taken the fast path, or the property says little about it.
        Assert.InRange(fast, Cases / 2, Cases);
    }

    [Fact]
    public void Random_decimals_formatted_many_ways_parse_as_decimal_TryParse_does()
    {
        Gen.Select(Gen.Frequency((3, Gen.Decimal), (1, PlainDecimals.Select(ParseInvariant))), Gen.Int[0, 9], Gen.Int[0, 19], Gen.Int[0, 11], Format)
            .Sample(AssertSame, iter: Cases);
    }

    [Fact]
    public void Random_text_of_number_characters_parses_as_decimal_TryParse_does()
    {
        const string Alphabet = "0123456789000000000.....--++  ,eE()\t";
        Gen.Int[0, Alphabet.Length - 1].Select(i => Alphabet[i]).Array[0, 24].Select(chars => new string(chars))
            .Sample(AssertSame, iter: Cases);
    }

    [Fact]
    public void Every_plain_shape_up_to_eighteen_digits_parses_as_decimal_TryParse_does()
    {
        var random = new Random(18);
        foreach (var sign in new[] { "", "-", "+" })
        {
            for (var integer = 1; integer <= 18; integer++)
            {
                for (var fraction = 0; fraction + integer <= 19; fraction++)
                {
                    for (var i = 0; i < 20; i++)
                    {
                        var text = sign + Digits(random, integer) + (fraction == 0 ? "" : "." + Digits(random, fraction));
                        AssertSame(text);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task A_CSV_file_keeps_the_scale_and_reports_what_decimal_TryParse_rejects()
    {
        var directory = Directory.CreateTempSubdirectory("aietl-decimal-").FullName;
        try
        {
            var path = Path.Combine(directory, "priced.csv");
            File.WriteAllText(
                path,
                "id,price,tags,codes\n"
                + "1,1.50,\"[\"\"a\"\",\"\"b\"\"]\",[1]\n"
                + "2,-0.00,[],\"[ -2 , 30 ]\"\n"
                + "3,\"1,234.5\",\"[\"\"q\\\"\"x\"\"]\",[9999999999]\n"
                + "4,12.5.1,[],[]\n"
                + "5,1e3,[],[]\n"
                + "6,7,\"[\"\"a\"\",1]\",[]\n"
                + "7,8,[],[1.5]\n");
            var deadLetters = Path.Combine(directory, "dead.jsonl");
            var destination = new RecordingDestination<PricedItem>();

            var result = await EtlPipeline.Create<PricedItem>("decimal")
                .From(new CsvSource<PricedItem>(path))
                .To(destination)
                .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
                .RunAsync(TestContext.Current.CancellationToken);

            Assert.True(result.Success, result.Describe());
            var rows = destination.Committed;
            Assert.Equal(["1.50", "0.00", "1234.5"], rows.Select(r => r.Price.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(0x80020000u, (uint)decimal.GetBits(rows[1].Price)[3]);
            Assert.Equal([["a", "b"], [], ["q\"x"]], rows.Select(r => r.Tags));
            Assert.Equal([[1L], [-2L, 30L], [9999999999L]], rows.Select(r => r.Codes));
            var dead = File.ReadAllLines(deadLetters).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()!).ToArray();
            Assert.Equal(4, dead.Length);
            Assert.EndsWith("row 4 column 'price': '12.5.1' is not a decimal number", dead[0], StringComparison.Ordinal);
            Assert.EndsWith("row 5 column 'price': '1e3' is not a decimal number", dead[1], StringComparison.Ordinal);
            Assert.Contains("row 6 column 'tags': '[\"a\",1]' is not a JSON array of String (an element is not String: ", dead[2], StringComparison.Ordinal);
            Assert.Contains("row 7 column 'codes': '[1.5]' is not a JSON array of Int64 (", dead[3], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void AssertSame(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var expectedOk = decimal.TryParse(bytes, NumberStyles.Number, CultureInfo.InvariantCulture, out var expected) && GroupsOfThree(text);

        var ok = Utf8Values.TryParseDecimal(bytes, out var value);

        Assert.True(expectedOk == ok, $"'{text}': decimal.TryParse says {expectedOk}, the fast path {ok}");
        if (ok)
        {
            Assert.True(
                decimal.GetBits(expected).AsSpan().SequenceEqual(decimal.GetBits(value)),
                $"'{text}': decimal.TryParse gives {expected} ({Bits(expected)}), the fast path {value} ({Bits(value)})");
        }
    }

    // The one rule added to decimal.TryParse: a comma sits between groups of three digits, before the point.
    private static bool GroupsOfThree(string text)
    {
        var integerPart = text.Split('.')[0];
        var groups = integerPart.Split(',');
        return groups.Length == 1 || (groups[0].Count(char.IsAsciiDigit) is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit)) && !text.Split('.').Skip(1).Any(f => f.Contains(',', StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("1,234.5", true)]
    [InlineData("12,345,678", true)]
    [InlineData("-1,234", true)]
    [InlineData("1,5", false)]
    [InlineData("1,23", false)]
    [InlineData("1234,567", false)]
    [InlineData("1,234.5,6", false)]
    public void A_comma_is_read_only_between_groups_of_three_digits(string text, bool read)
    {
        Assert.Equal(read, Utf8Values.TryParseDecimal(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(read ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m, value);
    }

    private static string Bits(decimal value) => string.Join(' ', decimal.GetBits(value).Select(b => b.ToString("x8", CultureInfo.InvariantCulture)));

    private static string Digits(Random random, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        return new string(chars);
    }

    // [-+]?digits[.digits] with 1 to 20 digits in all (a few more than the fast path takes), leading zeros and all.
    private static Gen<string> PlainDecimals { get; } =
        Gen.Select(
            Gen.OneOf("", "", "-", "+"),
            Gen.Int[1, 20].SelectMany(count => Gen.Int[0, 9].Array[count]),
            Gen.Int[0, 20],
            (sign, digits, point) =>
            {
                var text = string.Concat(digits);
                return sign + (point == 0 || point >= text.Length ? text : text.Insert(text.Length - point, "."));
            });

    private static decimal ParseInvariant(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    // The decimal written in one of ten layouts, then made awkward in one of twelve ways (most leave it as written).
    private static string Format(decimal value, int layout, int digits, int awkward)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = layout switch
        {
            0 => value.ToString("F" + digits, invariant),
            1 => value.ToString("N" + (digits % 6), invariant),
            2 => value.ToString("E" + (digits % 10), invariant),
            3 => value.ToString("0.##########", invariant),
            4 => value.ToString("R", invariant) + new string('0', digits % 4),
            5 => value.ToString("G" + (digits + 1), invariant),
            _ => value.ToString(invariant),
        };

        return awkward switch
        {
            0 => "+" + text.TrimStart('-'),
            1 => new string('0', (digits % 3) + 1) + text.TrimStart('-'),
            2 => " " + text,
            3 => text + " ",
            4 => text.TrimStart('-') + "-",
            5 => text.TrimStart('0'),
            6 => text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0') : text + ".",
            _ => text,
        };
    }
}

/// <summary>A row of the decimal and array tests.</summary>
[EtlRecord("priced_items")]
public partial record struct PricedItem(
    [property: PrimaryKey] long Id,
    decimal Price,
    string[] Tags,
    long[] Codes);
