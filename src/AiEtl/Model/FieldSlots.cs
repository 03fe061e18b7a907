namespace AiEtl;

/// <summary>
/// Where some named fields are in the rows of a <see cref="RecordShape"/>: found once for each shape met, so a codec or
/// a transform that reads the same fields of every row reads them by slot instead of looking each name up per row.
/// </summary>
internal sealed class FieldSlots
{
    private readonly string[] _names;
    private Slots _last;

    public FieldSlots(IEnumerable<string> names)
    {
        _names = [.. names];
        _last = new Slots(RecordShape.None, [.. _names.Select(_ => -1)]);
    }

    /// <summary>How many names.</summary>
    public int Count => _names.Length;

    /// <summary>The value of the <paramref name="index"/>th name in <paramref name="row"/>, null when it holds none.</summary>
    /// <param name="row">The row.</param>
    /// <param name="slots">What <see cref="In"/> gave for the row's shape.</param>
    /// <param name="index">The name's index.</param>
    public object? ValueOf(RecordData row, int[] slots, int index) => row.GetValueOrDefault(slots[index], _names[index]);

    /// <summary>The slot of each name in <paramref name="shape"/>, -1 where the shape lacks it.</summary>
    public int[] In(RecordShape shape)
    {
        var last = _last;
        if (last.Shape == shape)
        {
            return last.Ordinals;
        }

        // One reference swapped whole: a thread running the same transform sees the old pair or the new one.
        _last = last = new Slots(shape, [.. _names.Select(shape.SlotOf)]);
        return last.Ordinals;
    }

    private sealed record Slots(RecordShape Shape, int[] Ordinals);
}
