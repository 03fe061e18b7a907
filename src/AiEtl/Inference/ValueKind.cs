namespace AiEtl;

/// <summary>
/// What one sampled value is: its most specific type, the types the source would read it as, and for dates which
/// day/month orders could read it.
/// </summary>
/// <param name="Kind">The most specific type (<see cref="FieldType.String"/> when nothing else fits).</param>
/// <param name="Readable">The types the source reads the value as, one bit per <see cref="FieldType"/>, among the types <paramref name="Kind"/> widens into.</param>
/// <param name="Grouped">Whether a number is written with the culture's group separator (<c>1.234,56</c>).</param>
/// <param name="Orders">The day/month orders of the forms that read the value, the swapped twins of the configured forms included.</param>
/// <param name="SourceOrder">The order of the form the source reads a date with.</param>
/// <param name="Differs">Whether a form of another order reads the value as a different date (<c>01/02/2024</c>).</param>
internal readonly record struct ValueKind(FieldType Kind, int Readable = 0, bool Grouped = false, DateOrder Orders = DateOrder.None, DateOrder SourceOrder = DateOrder.None, bool Differs = false)
{
    /// <summary>The bit of <paramref name="type"/> in <see cref="Readable"/>.</summary>
    public static int Bit(FieldType type) => 1 << (int)type;

    /// <summary>Whether the source reads the value as <paramref name="type"/>.</summary>
    public bool ReadsAs(FieldType type) => type == Kind || (Readable & Bit(type)) != 0;
}
