namespace AiEtl;

/// <summary>
/// A transform written as a lambda (<see cref="PipelineBuilder{T}.Map"/>): replaces each row with what the function
/// returns. A row counts as modified when the result differs from it (value equality for record structs and
/// records, reference equality for other classes). A <see cref="TransformException"/> (or a format, argument or invalid-operation
/// exception) the function throws rejects the row, as the error policy of the transform stage says.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class MapTransform<T> : Transform<T>
{
    private readonly Func<T, T> _map;

    /// <summary>Creates the transform.</summary>
    /// <param name="map">What each row becomes.</param>
    /// <param name="name">Its name in errors and statistics.</param>
    public MapTransform(Func<T, T> map, string name = "map")
    {
        _map = map ?? throw new ArgumentNullException(nameof(map));
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    /// <remarks>The function must then keep no shared state: it runs on several batches at once when <see cref="PipelineOptions.MaxWorkers"/> is above 1.</remarks>
    public override bool IsConcurrencySafe => true;

    /// <inheritdoc />
    public override bool Apply(ref T row)
    {
        var mapped = _map(row);
        if (!EqualityComparer<T>.Default.Equals(mapped, row))
        {
            CountModified();
            row = mapped;
        }

        return true;
    }
}
