namespace AiEtl;

/// <summary>
/// Marks a method of a <see cref="PipelineAttribute{TRecord}"/> class as a transform: <c>TRecord Name(TRecord row)</c>,
/// static or not, returns the row it is given, changed. It runs after the transform attributes, in declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TransformAttribute : Attribute
{
}
