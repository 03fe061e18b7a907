using System.Globalization;
using System.Text;
using System.Text.Json;
using AiEtl.Csv;
using AiEtl.Engine;

namespace AiEtl.Tests.Csv;

/// <summary>
/// The fast path for plain decimals gives exactly what <c>decimal.TryParse(bytes, NumberStyles.Number, invariant)</c>
/// gives, scale and sign of zero included, and leaves every other shape to it.
/// </summary>
public sealed class Utf8DecimalTests
{
    // Property tests: seeded, so a failure names an input that fails again.
    private const int Cases = 200_000;

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
    public void Random_decimals_formatted_many_ways_parse_as_decimal_TryParse_does()
    {
        var random = new Random(20261125);
        var fast = 0;
        for (var i = 0; i < Cases; i++)
        {
            var text = Format(RandomDecimal(random), random);
            AssertSame(text);
            fast += Utf8Values.TryParsePlainDecimal(Encoding.UTF8.GetBytes(text), out _) ? 1 : 0;
        }

        // Most of the cases must have taken the fast path, or the property says little about it.
        Assert.InRange(fast, Cases / 3, Cases);
    }

    [Fact]
    public void Random_text_of_number_characters_parses_as_decimal_TryParse_does()
    {
        const string Alphabet = "0123456789000000000.....--++  ,eE()\t";
        var random = new Random(7);
        var fast = 0;
        for (var i = 0; i < Cases; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);
            AssertSame(text);
            fast += Utf8Values.TryParsePlainDecimal(Encoding.UTF8.GetBytes(text), out _) ? 1 : 0;
        }

        Assert.InRange(fast, 100, Cases);
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
            var destination = new ListDestination<PricedItem>();

            var result = await EtlPipeline.Create<PricedItem>("decimal")
                .From(new CsvSource<PricedItem>(path))
                .To(destination)
                .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
                .RunAsync(TestContext.Current.CancellationToken);

            Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
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
        var expectedOk = decimal.TryParse(bytes, NumberStyles.Number, CultureInfo.InvariantCulture, out var expected);

        var ok = Utf8Values.TryParseDecimal(bytes, out var value);

        Assert.True(expectedOk == ok, $"'{text}': decimal.TryParse says {expectedOk}, the fast path {ok}");
        if (ok)
        {
            Assert.True(
                decimal.GetBits(expected).AsSpan().SequenceEqual(decimal.GetBits(value)),
                $"'{text}': decimal.TryParse gives {expected} ({Bits(expected)}), the fast path {value} ({Bits(value)})");
        }
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

    // A decimal of 1 to 29 significant digits and any scale, often with trailing zeros, sometimes zero.
    private static decimal RandomDecimal(Random random)
    {
        var digits = random.Next(4) == 0 ? random.Next(1, 30) : random.Next(1, 19);
        var mantissa = random.Next(8) == 0 ? "0" : Digits(random, digits);
        var scale = random.Next(0, Math.Min(28, mantissa.Length) + 1);
        var text = scale == 0 ? mantissa : mantissa.Insert(mantissa.Length - scale, ".");
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            value = 1.5m;
        }

        return random.Next(2) == 0 ? -value : value;
    }

    private static string Format(decimal value, Random random)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = random.Next(10) switch
        {
            0 => value.ToString("F" + random.Next(0, 20), invariant),
            1 => value.ToString("N" + random.Next(0, 6), invariant),
            2 => value.ToString("E" + random.Next(0, 10), invariant),
            3 => value.ToString("0.##########", invariant),
            4 => value.ToString("R", invariant) + new string('0', random.Next(0, 4)),
            5 => value.ToString("G" + random.Next(1, 30), invariant),
            _ => value.ToString(invariant),
        };

        // Awkward shapes: signs, zeros and whitespace around the number.
        return random.Next(12) switch
        {
            0 => "+" + text.TrimStart('-'),
            1 => new string('0', random.Next(1, 4)) + text.TrimStart('-'),
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
