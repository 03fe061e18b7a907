namespace AiEtl;

/// <summary>
/// One exact date (or date-time, or time) pattern inference checks a value against: its day/month order, and its
/// twin with day and month swapped (<c>dd.MM.yyyy</c> and <c>MM.dd.yyyy</c>), used only to notice ambiguous values.
/// </summary>
internal sealed record DateForm(string Pattern, DateOrder Order, bool IsTwin)
{
    /// <summary>The form of <paramref name="pattern"/>, and its day/month twin when it has one.</summary>
    public static IEnumerable<DateForm> Of(string pattern)
    {
        var (order, twin) = Analyse(pattern);
        yield return new DateForm(pattern, order, IsTwin: false);
        if (twin is not null)
        {
            yield return new DateForm(twin, order == DateOrder.DayFirst ? DateOrder.MonthFirst : DateOrder.DayFirst, IsTwin: true);
        }
    }

    // The order of the numeric day and month (runs of one or two d/M outside quotes; ddd and MMM are names), and the swapped pattern.
    private static (DateOrder Order, string? Twin) Analyse(string pattern)
    {
        int day = -1, month = -1, year = -1;
        var twin = pattern.ToCharArray();
        char? quote = null;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
                continue;
            }

            if (c == '\\')
            {
                i++;
                continue;
            }

            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            if (c == 'y' && year < 0)
            {
                year = i;
            }
            else if (c is 'd' or 'M' && run <= 2)
            {
                (day, month) = c == 'd' ? (day < 0 ? i : day, month) : (day, month < 0 ? i : month);
                for (var k = 0; k < run; k++)
                {
                    twin[i + k] = c == 'd' ? 'M' : 'd';
                }
            }

            i += run - 1;
        }

        // Year first (ISO yyyy-MM-dd) is never read the other way round.
        if (day < 0 || month < 0 || (year >= 0 && year < day && year < month))
        {
            return (DateOrder.None, null);
        }

        return (day < month ? DateOrder.DayFirst : DateOrder.MonthFirst, new string(twin));
    }
}
