namespace AiEtl;

/// <summary>Collects violations in a list that can be cleared and reused from row to row.</summary>
public sealed class ViolationList : IViolationCollector
{
    private readonly List<Violation> _items = [];

    /// <summary>The violations collected since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<Violation> Items => _items;

    /// <summary>How many violations were collected.</summary>
    public int Count => _items.Count;

    /// <inheritdoc />
    public void Add(Violation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        _items.Add(violation);
    }

    /// <summary>Forgets the collected violations.</summary>
    public void Clear() => _items.Clear();
}
