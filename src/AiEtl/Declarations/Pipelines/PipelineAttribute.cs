namespace AiEtl;

/// <summary>
/// Declares a <c>partial class</c> as a compiled pipeline of <typeparamref name="TRecord"/> rows: the source generator
/// reads its source, transform, destination and run attributes (the same settings as a <c>*.etl.yaml</c> file, checked
/// by the same rules) and implements <see cref="ICompiledPipeline"/> on it. Methods marked <see cref="TransformAttribute"/>
/// or <see cref="FilterAttribute"/> run after the transform attributes, in the order they are declared.
/// </summary>
/// <typeparam name="TRecord">The <c>[EtlRecord]</c> type of the rows.</typeparam>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PipelineAttribute<TRecord> : Attribute
    where TRecord : IEtlRecord<TRecord>
{
    /// <summary>Declares a pipeline named <paramref name="name"/>.</summary>
    /// <param name="name">The pipeline's name (at least 3 characters): its id in state, logs and the dead-letter file.</param>
    public PipelineAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The pipeline's name.</summary>
    public string Name { get; }

    /// <summary>What the pipeline does.</summary>
    public string? Description { get; set; }
}
