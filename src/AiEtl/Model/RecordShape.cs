namespace AiEtl;

/// <summary>
/// The field names of the rows one codec reads, each with its slot: shared by every <see cref="RecordData"/> the codec
/// makes, so a row holds its values in an array instead of a hash table of its own.
/// </summary>
internal sealed class RecordShape
{
    private readonly Dictionary<string, int> _slots;

    private RecordShape(string[] names, Dictionary<string, int> slots)
    {
        Names = names;
        _slots = slots;
    }

    /// <summary>The shape of rows built by name only: no slots, every entry in the row's own dictionary.</summary>
    public static RecordShape None { get; } = new([], new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>The names in slot order.</summary>
    public string[] Names { get; }

    /// <summary>The shape of <paramref name="schema"/>'s fields, or <see cref="None"/> when two fields share a name.</summary>
    public static RecordShape Of(Schema schema)
    {
        var names = schema.Fields.Select(f => f.Name).ToArray();
        var slots = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var slot = 0; slot < names.Length; slot++)
        {
            // Two fields of one name would be two entries of one key; such rows are kept by name instead.
            if (!slots.TryAdd(names[slot], slot))
            {
                return None;
            }
        }

        return new RecordShape(names, slots);
    }

    /// <summary>The slot of <paramref name="name"/>, or -1 when the shape has no such name.</summary>
    public int SlotOf(string name) => _slots.TryGetValue(name, out var slot) ? slot : -1;
}
