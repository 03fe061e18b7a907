using System.Globalization;
using System.Text;

namespace AiEtl.Tests.Inference;

/// <summary>
/// The refusals <see cref="NonDates"/> puts in front of the date parsers agree with the parsers: on random and adversarial
/// values (real dates, date-times and times of each culture with a refused character put in, or swapped for one of
/// theirs), every value refused is refused by the general and the exact parsers too.
/// </summary>
public sealed class NonDatesTests
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces;

    // The projects run with InvariantGlobalization: the invariant culture, the test cultures, and one whose separators,
    // designators and names use candidate characters, which must then not be refused.
    public static TheoryData<string> Cultures => ["invariant", "german", "american", "odd"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void A_value_with_a_refused_character_is_read_by_no_date_parser_of_the_culture(string name)
    {
        var culture = Culture(name);
        string[] formats = ["yyyy-MM-dd", "dd.MM.yyyy HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "HH:mm:ss", "yyyy'_'MM"];
        var nonDates = new NonDates(culture, formats);
        Assert.Contains('@', nonDates.Characters);
        Assert.DoesNotContain('_', nonDates.Characters);
        Assert.Equal(name == "odd", "~!$%".Any(c => !nonDates.Characters.Contains(c)));

        var random = new Random(1234 + name.Length);
        var refused = 0;
        foreach (var value in Values(culture, nonDates.Characters, random))
        {
            if (!nonDates.HasNonDateCharacter(value))
            {
                continue;
            }

            refused++;
            Assert.False(DateOnly.TryParse(value, culture, Styles, out _), value);
            Assert.False(TimeOnly.TryParse(value, culture, Styles, out _), value);
            Assert.False(DateTime.TryParse(value, culture, Styles | DateTimeStyles.AdjustToUniversal, out _), value);
            Assert.False(DateTimeOffset.TryParse(value, culture, Styles | DateTimeStyles.AssumeUniversal, out _), value);
            Assert.False(DateTime.TryParse(value, CultureInfo.InvariantCulture, Styles, out _), value);
            foreach (var format in formats.Concat(Patterns(culture)))
            {
                Assert.False(DateTime.TryParseExact(value, format, culture, Styles | DateTimeStyles.RoundtripKind, out _), $"{value} {format}");
            }
        }

        Assert.True(refused > 5_000, $"{refused} values refused");
    }

    [Fact]
    public void The_default_sources_date_parser_refuses_every_iso_timestamp()
    {
        var random = new Random(42);
        var accepted = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var value = IsoDateTime(random);
            // Half of them damaged at one place: whatever the fast path still takes, the date parser must refuse.
            if (i % 2 == 1)
            {
                var chars = value.ToCharArray();
                chars[random.Next(chars.Length)] = "0123456789-:T Z+.,/x"[random.Next(20)];
                value = new string(chars);
            }

            var bytes = Encoding.UTF8.GetBytes(value);
            if (NonDates.IsIsoTimestamp(bytes))
            {
                accepted++;
                Assert.False(Utf8Values.TryParseDate(bytes, out _), value);
                Assert.False(DateOnly.TryParse(value, CultureInfo.InvariantCulture, Styles, out _), value);
            }
        }

        Assert.True(accepted > 50_000, $"{accepted} values accepted");
    }

    private static IEnumerable<string> Values(CultureInfo culture, string refused, Random random)
    {
        const string Alphabet = "0123456789 -/.:,+TZAPMamp#'";
        var patterns = Patterns(culture).ToArray();
        for (var i = 0; i < 15_000; i++)
        {
            // Within every culture's calendar (the Um Al Qura one of ar-SA ends in 2077).
            var date = new DateTime(1901, 1, 1).AddDays(random.NextDouble() * 175 * 365);
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            var text = i % 3 == 2
                ? new string([.. Enumerable.Range(0, random.Next(1, 25)).Select(_ => Alphabet[random.Next(Alphabet.Length)])])
                : new DateTimeOffset(date, i % 3 == 0 ? TimeSpan.Zero : offset).ToString(patterns[random.Next(patterns.Length)], culture);
            var chars = new StringBuilder(text);
            var position = random.Next(chars.Length + 1);
            var character = refused[random.Next(refused.Length)];
            // Put in, put at an end, or swapped for one of the value's own characters.
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(position, character);
                    break;
                case 1:
                    chars.Append(character);
                    break;
                case 2:
                    chars.Insert(0, character);
                    break;
                default:
                    if (chars.Length > 0)
                    {
                        chars[Math.Min(position, chars.Length - 1)] = character;
                    }
                    else
                    {
                        chars.Append(character);
                    }

                    break;
            }

            yield return chars.ToString();
        }
    }

    private static CultureInfo Culture(string name)
    {
        if (name != "odd")
        {
            return name switch { "german" => TestCultures.German(), "american" => TestCultures.American(), _ => CultureInfo.InvariantCulture };
        }

        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.DateTimeFormat.DateSeparator = "~";
        odd.DateTimeFormat.AMDesignator = "!am";
        odd.DateTimeFormat.PMDesignator = "%pm";
        odd.DateTimeFormat.AbbreviatedMonthNames = ["J$n", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", ""];
        odd.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        return odd;
    }

    private static IEnumerable<string> Patterns(CultureInfo culture) =>
        "dDfFgGmMoOrRstTuUyY".SelectMany(culture.DateTimeFormat.GetAllDateTimePatterns).Distinct();

    private static string IsoDateTime(Random random)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{random.Next(1, 10_000):D4}-{random.Next(1, 13):D2}-{random.Next(1, 32):D2}");
        text.Append(random.Next(2) == 0 ? 'T' : ' ');
        text.Append(CultureInfo.InvariantCulture, $"{random.Next(24):D2}:{random.Next(60):D2}:{random.Next(60):D2}");
        if (random.Next(2) == 0)
        {
            text.Append('.').Append(random.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture)[..random.Next(1, 8)]);
        }

        var zone = random.Next(3);
        if (zone == 1)
        {
            text.Append('Z');
        }
        else if (zone == 2)
        {
            text.Append(random.Next(2) == 0 ? '+' : '-').Append(CultureInfo.InvariantCulture, $"{random.Next(15):D2}:{random.Next(60):D2}");
        }

        return text.ToString();
    }
}
