using System.Globalization;
using System.Text;

namespace AiEtl.Tests.Inference;

/// <summary>
/// What <see cref="IsoDateTimeSourceKey"/> reads from the ISO parts, the default source reads by parsing the text again:
/// random ISO date-times across the whole range (years 1 and 9999 often), with and without a fraction, T or a space,
/// no zone, Z or an offset of up to 16 hours and 61 minutes (some out of range, some taking the instant out of range).
/// </summary>
public sealed class IsoDateTimeSourceKeyTests
{
    [Fact]
    public void The_key_from_the_parts_is_what_the_source_reads()
    {
        var random = new Random(16);
        var source = new SourceValues(null);
        var (read, declined) = (0, 0);
        var edges = new[] { "0001-01-01T00:00:00+00:01", "0001-01-01T00:00:00-00:01", "9999-12-31T23:59:59.9999999-00:01", "9999-12-31T23:59:59+14:00", "2024-01-01T00:00:00+14:59", "2024-01-01T00:00:00-14:00" };
        foreach (var text in Enumerable.Range(0, 100_000).Select(_ => Random(random)).Concat(edges))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (!Utf8Values.TryParseSlicedIsoDateTime(bytes, out var local, out var offset))
            {
                continue;
            }

            if (!IsoDateTimeSourceKey.TryRead(local, offset, out var key))
            {
                declined++;
                continue;
            }

            read++;
            if (offset is null)
            {
                Assert.True(source.TryDateTime(bytes, out var dateTime), text);
                Assert.True(dateTime.Ticks == key, $"'{text}': {key} from the parts, {dateTime.Ticks} from the source");
            }
            else
            {
                Assert.True(source.TryDateTimeOffset(bytes, out var timestamp), text);
                Assert.True(timestamp.UtcTicks == key, $"'{text}': {key} from the parts, {timestamp.UtcTicks} from the source");
            }
        }

        Assert.True(read > 50_000 && declined > 1_000, $"{read} read from the parts, {declined} left to the source");
    }

    private static string Random(Random random)
    {
        var year = random.Next(4) switch { 0 => 1, 1 => 9999, _ => random.Next(1, 10_000) };
        var month = random.Next(1, 13);
        var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}{(random.Next(2) == 0 ? 'T' : ' ')}"));
        // Hours and minutes at the ends of their ranges often, as the extreme instants are.
        text.Append(CultureInfo.InvariantCulture, $"{(random.Next(3) == 0 ? 23 : random.Next(24)):D2}:{(random.Next(3) == 0 ? 59 : random.Next(60)):D2}:{random.Next(60):D2}");
        if (random.Next(2) == 0)
        {
            text.Append('.').Append(new string([.. Enumerable.Range(0, random.Next(1, 8)).Select(_ => (char)('0' + random.Next(10)))]));
        }

        return text.Append(random.Next(4) switch
        {
            0 => "",
            1 => "Z",
            _ => string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(17):D2}:{random.Next(62):D2}"),
        }).ToString();
    }
}
