using System.Globalization;
using System.Text;
using CsCheck;

namespace AiEtl.Tests.Csv;

/// <summary>
/// The fixed-position reader of ISO-8601 timestamps accepts only what the reader by parts accepts, with the same time
/// and offset, so that putting it first changes no result; what it declines still goes to the reader by parts. Dates
/// (which both readers share) are checked against the digit-by-digit reader they replaced.
/// </summary>
public sealed class Utf8TimestampTests
{
    // Cases per property test (CsCheck prints the seed and the smallest failing input).
    private const int Cases = 100_000;

    [Theory]
    [InlineData("2024-04-18T06:24:13Z", 0)]
    [InlineData("2024-04-18 06:24:13", null)]
    [InlineData("2024-04-18T06:24:13.5+01:30", 90)]
    [InlineData("2024-04-18T06:24:13.1234567-14:00", -840)]
    [InlineData("2024-02-29T23:59:59+14:00", 840)]
    [InlineData("2000-02-29T00:00:00-00:00", 0)]
    [InlineData("0001-01-01T00:00:00Z", 0)]
    [InlineData("9999-12-31T23:59:59.9999999", null)]
    public void Common_shapes_are_read_at_fixed_positions(string text, int? offsetMinutes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.True(Utf8Values.TryParseFixedIsoDateTime(bytes, out var local, out var offset));

        AssertSameAsSliced(text);
        Assert.Equal(offsetMinutes is null ? null : TimeSpan.FromMinutes(offsetMinutes.Value), offset);
        var expected = DateTime.ParseExact(text[..19], ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        Assert.Equal(expected.Ticks, local.Ticks - (local.Ticks % TimeSpan.TicksPerSecond));
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00+14:30", false)]
    [InlineData("2024-01-01T00:00:00+14:59", false)]
    [InlineData("2024-01-01T00:00:00-14:01", false)]
    [InlineData("2024-01-01T00:00+14:30", false)]
    [InlineData("2024-01-01T00:00:00+14:00", true)]
    [InlineData("2024-01-01T00:00:00-14:00", true)]
    public void An_offset_beyond_fourteen_hours_is_refused_as_an_instant_not_thrown(string text, bool read)
    {
        // The readers accept zone minutes to 59 at 14 hours; a DateTimeOffset cannot hold them and used to throw.
        Assert.Equal(read, Utf8Values.TryParseIsoDateTimeOffset(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(read, DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed));
        Assert.Equal(parsed, value);
    }

    [Theory]
    [InlineData("2024-04-18T06:24+01:00")] // no seconds: read by parts
    [InlineData("2024-04-18T06:24:13.12345678Z")] // eight fraction digits: an error by parts too
    [InlineData("2024-04-18T06:24:13.Z")]
    [InlineData("2023-02-29T00:00:00Z")] // no such day
    [InlineData("1900-02-29T00:00:00Z")]
    [InlineData("2024-04-31T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-00-01T00:00:00Z")]
    [InlineData("2024-01-00T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2024-01-01T24:00:00Z")]
    [InlineData("2024-01-01T23:60:00Z")]
    [InlineData("2024-01-01T23:59:60Z")]
    [InlineData("2024-01-01T00:00:00+15:00")]
    [InlineData("2024-01-01T00:00:00+01:60")]
    [InlineData("2024-01-01T00:00:00+0100")]
    [InlineData("2024-01-01T00:00:00 Z")]
    [InlineData("2024-01-01T00:00:00Zx")]
    [InlineData("2024-01-01T00:00:00z")]
    [InlineData("2024-01-01t00:00:00Z")]
    [InlineData(" 2024-01-01T00:00:00Z")]
    [InlineData("2024-1-01T00:00:00Z")]
    [InlineData("2024-01-01T0a:00:00Z")]
    [InlineData("+024-01-01T00:00:00Z")]
    [InlineData("2024/01/01T00:00:00Z")]
    [InlineData("2024-01-01")]
    [InlineData("")]
    public void Other_shapes_are_declined_or_read_the_same_by_parts(string text)
    {
        Assert.False(Utf8Values.TryParseFixedIsoDateTime(Encoding.UTF8.GetBytes(text), out _, out _));
        AssertSameAsSliced(text);
    }

    [Fact]
    public void Random_timestamps_written_many_ways_read_as_by_parts()
    {
        var fixedCount = 0;
        Gen.Select(Timestamps, Edits)
            .Sample(
                (text, edit) =>
                {
                    Interlocked.Add(ref fixedCount, AssertSameAsSliced(text) ? 1 : 0);
                    AssertSameAsSliced(edit.Apply(text));
                },
                iter: Cases);

        Assert.InRange(fixedCount, Cases / 3, Cases);
    }

    [Fact]
    public void Random_fields_out_of_range_are_declined_as_by_parts()
    {
        Gen.Select(
                Gen.Int[0, 9999],
                Gen.Int[0, 13],
                Gen.Int[0, 32],
                Gen.Int[0, 25],
                Gen.Int[0, 61],
                Gen.Int[0, 61],
                Zones,
                (year, month, day, hours, minutes, seconds, zone) =>
                    string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}T{hours:D2}:{minutes:D2}:{seconds:D2}{zone}"))
            .Sample(text => { _ = AssertSameAsSliced(text); }, iter: Cases);
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2000-02-29", true)]
    [InlineData("0001-01-01", true)]
    [InlineData("9999-12-31", true)]
    [InlineData("1900-02-29", false)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-04-31", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-00-10", false)]
    [InlineData("2024-01-00", false)]
    [InlineData("2024-1-01", false)]
    [InlineData("2024-01-01 ", false)]
    [InlineData("2024/01/01", false)]
    [InlineData("+024-01-01", false)]
    [InlineData("2024-0a-01", false)]
    public void Dates_are_read_as_the_digit_by_digit_reader_did(string text, bool valid)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(valid, Utf8Values.TryParseIsoDate(bytes, out var value));
        Assert.Equal(DigitByDigitDate(bytes, out var expected), valid);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Random_dates_are_read_as_the_digit_by_digit_reader_did()
    {
        var dates = Gen.Frequency(
            (2, Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Select(n => DateOnly.FromDayNumber(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            (1, Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 13], Gen.Int[0, 32], (year, month, day) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}"))));
        Gen.Select(dates, Edits, Gen.Bool)
            .Sample(
                (date, edit, edited) =>
                {
                    var bytes = Encoding.UTF8.GetBytes(edited ? edit.Apply(date) : date);
                    var expectedOk = DigitByDigitDate(bytes, out var expected);
                    Assert.Equal(expectedOk, Utf8Values.TryParseIsoDate(bytes, out var value));
                    Assert.Equal(expected, value);
                },
                iter: Cases);
    }

    // The date reader as it was before the fixed positions, kept here as the oracle.
    private static bool DigitByDigitDate(ReadOnlySpan<byte> text, out DateOnly value)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text[..4], out var year) && Digits(text.Slice(5, 2), out var month) && Digits(text.Slice(8, 2), out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            value = new DateOnly(year, month, day);
            return true;
        }

        value = default;
        return false;

        static bool Digits(ReadOnlySpan<byte> digits, out int number)
        {
            number = 0;
            foreach (var b in digits)
            {
                if ((uint)(b - '0') > 9)
                {
                    return false;
                }

                number = (number * 10) + (b - '0');
            }

            return true;
        }
    }

    // Whether the fixed reader took the text; when it did, the reader by parts must give the same time and offset.
    private static bool AssertSameAsSliced(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (!Utf8Values.TryParseFixedIsoDateTime(bytes, out var local, out var offset))
        {
            return false;
        }

        Assert.True(Utf8Values.TryParseSlicedIsoDateTime(bytes, out var expected, out var expectedOffset), $"'{text}': read at fixed positions, not by parts");
        Assert.True(expected.Ticks == local.Ticks && expected.Kind == local.Kind, $"'{text}': {local:O} at fixed positions, {expected:O} by parts");
        Assert.True(expectedOffset == offset, $"'{text}': offset {offset} at fixed positions, {expectedOffset} by parts");
        return true;
    }

    // No zone, Z, or an offset of up to 16 hours and 61 minutes (some out of range).
    private static Gen<string> Zones { get; } = Gen.Frequency(
        (1, Gen.Const("")),
        (1, Gen.Const("Z")),
        (2, Gen.Select(Gen.OneOf('+', '-'), Gen.Int[0, 16], Gen.Int[0, 61], (sign, hours, minutes) => string.Create(CultureInfo.InvariantCulture, $"{sign}{hours:D2}:{minutes:D2}"))));

    // Any time of the DateTime range, with seconds, a fraction of 1 to 8 digits or only minutes, then a zone.
    private static Gen<string> Timestamps { get; } = Gen.Select(
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks],
        Gen.Int[0, 3],
        Gen.Int[1, 8],
        Zones,
        (ticks, layout, digits, zone) =>
        {
            var time = new DateTime(ticks, DateTimeKind.Unspecified);
            var text = layout switch
            {
                0 => time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                1 => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                2 => time.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture)[..(20 + Math.Min(digits, 7))] + (digits == 8 ? "1" : ""),
                _ => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            };
            return text + zone;
        });

    private static Gen<Edit> Edits { get; } =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, EditBytes.Length - 1], (kind, at, b) => new Edit(kind, at, EditBytes[b]));

    private const string EditBytes = "0123456789-:T .Z+z/x";

    // One edit: a character replaced, removed or inserted.
    private readonly record struct Edit(int Kind, int At, char Char)
    {
        public string Apply(string text)
        {
            var position = At % (text.Length + 1);
            return Kind switch
            {
                0 when position < text.Length => text.Remove(position, 1).Insert(position, Char.ToString()),
                1 when position < text.Length => text.Remove(position, 1),
                _ => text.Insert(position, Char.ToString()),
            };
        }
    }
}
