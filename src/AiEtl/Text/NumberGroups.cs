namespace AiEtl;

/// <summary>
/// Checks where the group separators of a number's text sit. .NET's parsers accept a group separator anywhere
/// (de-DE "1.5" parses as 15, invariant "1,5" too); a misread decimal separator must be an error instead.
/// </summary>
internal static class NumberGroups
{
    /// <summary>Whether every group separator in <paramref name="text"/> sits between groups of three digits, before the decimal separator.</summary>
    public static bool AreWellFormed(ReadOnlySpan<byte> text, ReadOnlySpan<byte> groupSeparator, ReadOnlySpan<byte> decimalSeparator)
    {
        if (groupSeparator.Length == 0 || text.IndexOf(groupSeparator) < 0)
        {
            return true;
        }

        var decimalAt = decimalSeparator.Length == 0 ? -1 : text.IndexOf(decimalSeparator);
        var integerPart = decimalAt < 0 ? text : text[..decimalAt];
        var exponentAt = integerPart.IndexOfAny("eE"u8);
        integerPart = exponentAt < 0 ? integerPart : integerPart[..exponentAt];
        if (integerPart.IndexOf(groupSeparator) < 0)
        {
            // A group separator after the decimal separator.
            return false;
        }

        var first = true;
        while (true)
        {
            var next = integerPart.IndexOf(groupSeparator);
            var group = next < 0 ? integerPart : integerPart[..next];
            var digits = CountDigits(group);
            if (first ? digits is < 1 or > 3 : digits != 3 || group.Length != 3)
            {
                return false;
            }

            if (next < 0)
            {
                return true;
            }

            first = false;
            integerPart = integerPart[(next + groupSeparator.Length)..];
        }
    }

    private static int CountDigits(ReadOnlySpan<byte> text)
    {
        var count = 0;
        foreach (var b in text)
        {
            count += char.IsAsciiDigit((char)b) ? 1 : 0;
        }

        return count;
    }
}
