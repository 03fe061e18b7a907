using System.Runtime.CompilerServices;
namespace AiEtl;

/// <summary>
/// Writes dates and times as ISO-8601 UTF-8 text by hand, for the CSV and JSON writers: the custom format
/// strings of <c>TryFormat</c> take a slow, general path, and file writers format a date on every row.
/// Fractions of a second are written only when present, without trailing zeros (as the <c>FFFFFFF</c>
/// specifier does).
/// </summary>
internal static class IsoText
{
    /// <summary>The longest text: <c>yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm</c>.</summary>
    public const int MaxLength = 33;

    /// <summary>Writes <c>yyyy-MM-dd</c>; returns the length.</summary>
    public static int WriteDate(Span<byte> output, DateOnly value)
    {
        // Taken apart once rather than once for each of its three parts.
        value.Deconstruct(out var year, out var month, out var day);
        return WriteDate(output, year, month, day);
    }

    /// <summary>Writes <c>HH:mm:ss[.fffffff]</c>; returns the length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WriteTime(Span<byte> output, long ticksOfDay)
    {
        // Integers of a day: int division is cheaper than long.
        var seconds = (int)(ticksOfDay / TimeSpan.TicksPerSecond);
        var fraction = (int)(ticksOfDay % TimeSpan.TicksPerSecond);
        WriteTwoDigits(output, seconds / 3600);
        output[2] = (byte)':';
        WriteTwoDigits(output[3..], seconds / 60 % 60);
        output[5] = (byte)':';
        WriteTwoDigits(output[6..], seconds % 60);
        if (fraction == 0)
        {
            return 8;
        }

        output[8] = (byte)'.';
        var digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        for (var i = 8 + digits; i > 8; i--)
        {
            output[i] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }

        return 9 + digits;
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c> of the clock time, whatever its kind; returns the length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WriteDateTime(Span<byte> output, DateTime value)
    {
        var ticks = value.Ticks;
        DateOnly.FromDayNumber((int)(ticks / TimeSpan.TicksPerDay)).Deconstruct(out var year, out var month, out var day);
        WriteDate(output, year, month, day);
        output[10] = (byte)'T';
        return 11 + WriteTime(output[11..], ticks % TimeSpan.TicksPerDay);
    }

    /// <summary>Writes <c>+hh:mm</c> or <c>-hh:mm</c>, whole minutes toward zero; returns the length.</summary>
    public static int WriteOffset(Span<byte> output, TimeSpan offset)
    {
        var minutes = (int)Math.Abs(offset.Ticks / TimeSpan.TicksPerMinute);
        output[0] = offset.Ticks < 0 ? (byte)'-' : (byte)'+';
        WriteTwoDigits(output[1..], minutes / 60);
        output[3] = (byte)':';
        WriteTwoDigits(output[4..], minutes % 60);
        return 6;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WriteDate(Span<byte> output, int year, int month, int day)
    {
        output[0] = (byte)('0' + (year / 1000));
        output[1] = (byte)('0' + (year / 100 % 10));
        output[2] = (byte)('0' + (year / 10 % 10));
        output[3] = (byte)('0' + (year % 10));
        output[4] = (byte)'-';
        WriteTwoDigits(output[5..], month);
        output[7] = (byte)'-';
        WriteTwoDigits(output[8..], day);
        return 10;
    }

    private static void WriteTwoDigits(Span<byte> output, int value)
    {
        output[1] = (byte)('0' + (value % 10));
        output[0] = (byte)('0' + (value / 10));
    }
}
