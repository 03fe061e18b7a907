namespace AiEtl;

/// <summary>
/// A filter written as a lambda (<see cref="PipelineBuilder{T}.Filter"/>): keeps the rows for which the predicate is
/// true and counts the others in <see cref="TransformerStats.RecordsFiltered"/>. A <see cref="TransformException"/> (or a format,
/// argument or invalid-operation exception) the predicate throws rejects the row, as the error policy of the transform stage says.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class FilterTransform<T> : Transform<T>
{
    private readonly Func<T, bool> _keep;

    /// <summary>Creates the filter.</summary>
    /// <param name="keep">Whether to keep a row.</param>
    /// <param name="name">Its name in errors and statistics.</param>
    public FilterTransform(Func<T, bool> keep, string name = "filter")
    {
        _keep = keep ?? throw new ArgumentNullException(nameof(keep));
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    /// <remarks>The function must then keep no shared state: it runs on several batches at once when <see cref="PipelineOptions.MaxWorkers"/> is above 1.</remarks>
    public override bool IsConcurrencySafe => true;

    /// <inheritdoc />
    public override bool Apply(ref T row) => _keep(row);
}
