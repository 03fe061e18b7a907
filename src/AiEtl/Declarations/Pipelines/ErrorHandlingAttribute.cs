namespace AiEtl;

/// <summary>What each stage does with a row that fails (<c>error_handling</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ErrorHandlingAttribute : Attribute
{
    /// <summary>A row that cannot be read.</summary>
    public ErrorAction OnExtractError { get; set; } = ErrorAction.Fail;

    /// <summary>A row a transform fails on.</summary>
    public ErrorAction OnTransformError { get; set; } = ErrorAction.Skip;

    /// <summary>A batch the destination rejects.</summary>
    public ErrorAction OnLoadError { get; set; } = ErrorAction.Fail;

    /// <summary>The JSONL file skipped rows are appended to.</summary>
    public string? DeadLetterQueue { get; set; }
}
