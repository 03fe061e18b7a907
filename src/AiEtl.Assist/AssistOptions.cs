namespace AiEtl.Assist;

/// <summary>How much of a file a prompt may carry: caps on columns, values and characters, so only a small masked sample leaves.</summary>
public sealed record AssistOptions
{
    /// <summary>The most sample values sent for one column (the rows of the sample).</summary>
    public int MaxValuesPerColumn { get; init; } = 5;

    /// <summary>The longest sample value sent, in characters, after masking; longer values are cut.</summary>
    public int MaxValueLength { get; init; } = 40;

    /// <summary>The most columns asked about in one prompt.</summary>
    public int MaxColumns { get; init; } = 40;

    /// <summary>The longest prompt, in characters; the columns that would pass it are not asked about, and reported.</summary>
    public int MaxPromptCharacters { get; init; } = 8000;

    /// <summary>Whether only the columns the inference or the scan is unsure of are asked about (the default), or every column.</summary>
    public bool OnlyUnsure { get; init; } = true;
}
