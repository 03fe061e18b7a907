namespace AiEtl;

/// <summary>
/// What the default source reads an ISO date-time as, from the parts <see cref="Utf8Values.TryParseSlicedIsoDateTime"/>
/// read: the source's own fast path reads the same parts (its fixed reader gives what the reader by parts gives), so a
/// timestamp need not be parsed a second time to learn its instant.
/// </summary>
internal static class IsoDateTimeSourceKey
{
    /// <summary>
    /// The ticks the default source reads the value as (<see cref="DateTime.Ticks"/> without an offset, the UTC ticks with
    /// one); false where its fast path would not end as plainly (an instant outside the range, an offset beyond 14 hours),
    /// which the caller leaves to the source's parser.
    /// </summary>
    public static bool TryRead(DateTime local, TimeSpan? offset, out long key)
    {
        key = local.Ticks;
        if (offset is not { } zone)
        {
            return true;
        }

        key = local.Ticks - zone.Ticks;
        return zone.Duration() <= Utf8Values.MaxOffset && key >= DateTime.MinValue.Ticks && key <= DateTime.MaxValue.Ticks;
    }
}
