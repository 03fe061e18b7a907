namespace AiEtl;

/// <summary>
/// Writes dates and times as ISO-8601 UTF-8 text by hand: the custom format strings of <c>TryFormat</c>
/// take a slow, general path, and file writers format a date on every row. Fractions of a second are
/// written only when present, without trailing zeros (as the <c>FFFFFFF</c> specifier does).
/// </summary>
internal static class IsoText
{
    /// <summary>The longest text: <c>yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm</c>.</summary>
    public const int MaxLength = 33;

    /// <summary>Writes <c>yyyy-MM-dd</c>; returns the length.</summary>
    public static int WriteDate(Span<byte> output, DateOnly value)
    {
        Digits(output[..4], value.Year);
        output[4] = (byte)'-';
        Digits(output.Slice(5, 2), value.Month);
        output[7] = (byte)'-';
        Digits(output.Slice(8, 2), value.Day);
        return 10;
    }

    /// <summary>Writes <c>HH:mm:ss[.fffffff]</c>; returns the length.</summary>
    public static int WriteTime(Span<byte> output, long ticksOfDay)
    {
        var seconds = ticksOfDay / TimeSpan.TicksPerSecond;
        Digits(output[..2], (int)(seconds / 3600));
        output[2] = (byte)':';
        Digits(output.Slice(3, 2), (int)(seconds / 60 % 60));
        output[5] = (byte)':';
        Digits(output.Slice(6, 2), (int)(seconds % 60));
        var fraction = (int)(ticksOfDay % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 8;
        }

        output[8] = (byte)'.';
        Digits(output.Slice(9, 7), fraction);
        var length = 16;
        while (output[length - 1] == '0')
        {
            length--;
        }

        return length;
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c>; returns the length.</summary>
    public static int WriteDateTime(Span<byte> output, DateTime value)
    {
        WriteDate(output, DateOnly.FromDateTime(value));
        output[10] = (byte)'T';
        return 11 + WriteTime(output[11..], value.TimeOfDay.Ticks);
    }

    /// <summary>Writes <c>+hh:mm</c> or <c>-hh:mm</c>; returns the length.</summary>
    public static int WriteOffset(Span<byte> output, TimeSpan offset)
    {
        output[0] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        var minutes = (int)Math.Abs(offset.TotalMinutes);
        Digits(output.Slice(1, 2), minutes / 60);
        output[3] = (byte)':';
        Digits(output.Slice(4, 2), minutes % 60);
        return 6;
    }

    private static void Digits(Span<byte> output, int value)
    {
        for (var i = output.Length - 1; i >= 0; i--)
        {
            output[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
