namespace AiEtl;

/// <summary>
/// The step <see cref="PipelineBuilder{T}.Select"/> adds: projects each transformed row into a row of another record
/// type, one to one, then runs the <see cref="ProjectedPipelineBuilder{T, TOut}.Map"/> and
/// <see cref="ProjectedPipelineBuilder{T, TOut}.Filter"/> steps written after it. It is a <see cref="Transform{T}"/> so that
/// a projection that throws is a transform error like a map's: retried, skipped into the dead-letter file with the
/// row's source position, or failing the run, as <see cref="ErrorHandlingOptions.OnTransformError"/> says.
/// </summary>
/// <typeparam name="T">The rows read and transformed.</typeparam>
/// <typeparam name="TOut">The rows loaded: the destination is made for their schema.</typeparam>
internal sealed class Projection<T, TOut> : Transform<T>, IBatchProjection<T, TOut>
    where TOut : IEtlRecord<TOut>
{
    private readonly Func<T, TOut> _project;
    private readonly IReadOnlyList<Transform<TOut>> _after;

    // The batch being filled: Apply adds what it projects, so a row whose projection throws adds nothing and the
    // rows here stay in step with the rows the base class keeps. One batch at a time (the stage calls it in order).
    private SourceBatch<TOut>? _output;

    public Projection(Func<T, TOut> project, string name, IReadOnlyList<Transform<TOut>> after)
    {
        _project = project ?? throw new ArgumentNullException(nameof(project));
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _after = after;
    }

    public override string Name { get; }

    public long RecordsFiltered => _after.Sum(t => t.Stats.RecordsFiltered);

    public override Schema OutputSchema(Schema input) => _after.Aggregate(TOut.Schema, static (rows, transform) => transform.OutputSchema(rows));

    public override bool Apply(ref T row)
    {
        _output!.Add(_project(row));
        return true;
    }

    public async ValueTask<SourceBatch<TOut>> ProjectAsync(SourceBatch<T> batch, IRowErrorSink errors, CancellationToken cancellationToken)
    {
        var output = new SourceBatch<TOut>(Math.Max(batch.Count, 1));
        _output = output;
        try
        {
            await ApplyBatchAsync(batch, errors, cancellationToken).ConfigureAwait(false);
            output.TakeOverFrom(batch);
            foreach (var transform in _after)
            {
                await transform.ApplyBatchAsync(output, errors, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            output.Release();
            throw;
        }
        finally
        {
            _output = null;
        }

        batch.Release();
        return output;
    }
}
