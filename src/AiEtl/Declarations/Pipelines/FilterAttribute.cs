namespace AiEtl;

/// <summary>
/// Marks a method of a <see cref="PipelineAttribute{TRecord}"/> class as a filter: <c>bool Name(TRecord row)</c>,
/// static or not, keeps the rows it returns <see langword="true"/> for (the others are counted as filtered).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class FilterAttribute : Attribute
{
}
