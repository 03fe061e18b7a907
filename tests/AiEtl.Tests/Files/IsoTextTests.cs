using System.Globalization;
using System.Text;

namespace AiEtl.Tests.Files;

public sealed class IsoTextTests
{
    [Fact]
    public void Hand_formatting_matches_the_format_strings_it_replaces()
    {
        var random = new Random(7);
        Span<byte> buffer = stackalloc byte[IsoText.MaxLength];
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = i < 4 ? new[] { DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks, 0, TimeSpan.TicksPerDay - 1 }[i] : random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            ticks = i % 3 == 0 ? ticks - (ticks % TimeSpan.TicksPerSecond) : ticks;
            var value = new DateTime(ticks, DateTimeKind.Unspecified);
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));

            Assert.Equal(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(buffer, IsoText.WriteDate(buffer, DateOnly.FromDateTime(value))));
            Assert.Equal(TimeOnly.FromDateTime(value).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), Text(buffer, IsoText.WriteTime(buffer, value.TimeOfDay.Ticks)));
            Assert.Equal(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), Text(buffer, IsoText.WriteDateTime(buffer, value)));
            Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, offset).ToString("zzz", CultureInfo.InvariantCulture), Text(buffer, IsoText.WriteOffset(buffer, offset)));
        }
    }

    private static string Text(Span<byte> buffer, int length) => Encoding.ASCII.GetString(buffer[..length]);
}
