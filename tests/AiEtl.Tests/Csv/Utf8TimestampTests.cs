using System.Globalization;
using System.Text;
using AiEtl.Csv;

namespace AiEtl.Tests.Csv;

/// <summary>
/// The fixed-position reader of ISO-8601 timestamps accepts only what the reader by parts accepts, with the same time
/// and offset, so that putting it first changes no result; what it declines still goes to the reader by parts.
/// </summary>
public sealed class Utf8TimestampTests
{
    // Property tests: seeded, so a failure names an input that fails again.
    private const int Cases = 200_000;

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
        var random = new Random(20261126);
        var fixedCount = 0;
        for (var i = 0; i < Cases; i++)
        {
            var text = RandomTimestamp(random);
            fixedCount += AssertSameAsSliced(text) ? 1 : 0;
            AssertSameAsSliced(Mutate(text, random));
        }

        Assert.InRange(fixedCount, Cases / 3, Cases);
    }

    [Fact]
    public void Random_fields_out_of_range_are_declined_as_by_parts()
    {
        var random = new Random(29);
        for (var i = 0; i < Cases; i++)
        {
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{random.Next(0, 10_000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2}T{random.Next(0, 26):D2}:{random.Next(0, 62):D2}:{random.Next(0, 62):D2}");
            AssertSameAsSliced(text);
            AssertSameAsSliced(text + "Z");
            AssertSameAsSliced(text + string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 17):D2}:{random.Next(0, 62):D2}"));
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

    private static string RandomTimestamp(Random random)
    {
        var time = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks + 1), DateTimeKind.Unspecified);
        var format = random.Next(4) switch
        {
            0 => "yyyy-MM-ddTHH:mm:ss",
            1 => "yyyy-MM-dd HH:mm:ss",
            2 => "yyyy-MM-ddTHH:mm:ss." + new string('f', random.Next(1, 8)),
            _ => "yyyy-MM-ddTHH:mm",
        };
        var text = time.ToString(format, CultureInfo.InvariantCulture);
        if (format.EndsWith('f') && random.Next(8) == 0)
        {
            text += "1"; // sometimes one digit too many
        }

        return random.Next(4) switch
        {
            0 => text,
            1 => text + "Z",
            _ => text + string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):D2}:{random.Next(0, 61):D2}"),
        };
    }

    // One random edit: a byte replaced, removed or inserted.
    private static string Mutate(string text, Random random)
    {
        const string Bytes = "0123456789-:T .Z+z/x";
        var position = random.Next(text.Length + 1);
        var b = Bytes[random.Next(Bytes.Length)];
        return random.Next(3) switch
        {
            0 when position < text.Length => text.Remove(position, 1).Insert(position, b.ToString()),
            1 when position < text.Length => text.Remove(position, 1),
            _ => text.Insert(position, b.ToString()),
        };
    }
}
