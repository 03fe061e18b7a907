namespace AiEtl;

/// <summary>A row that could not be read, transformed or written, with what is needed to replay it.</summary>
/// <param name="Stage">Where it failed.</param>
/// <param name="Message">Why it failed, naming the column where one is at fault.</param>
public sealed record RowError(PipelineStage Stage, string Message)
{
    /// <summary>The file, line, column or row.</summary>
    public DataLocation? Location { get; init; }

    /// <summary>The row as it was in the input (a CSV line, a JSON object), for replay.</summary>
    public string? RawInput { get; init; }

    /// <summary>An identifier of the record, where one is known.</summary>
    public string? RecordId { get; init; }

    /// <summary>The exception, when one was thrown.</summary>
    public Exception? Exception { get; init; }

    /// <summary>The message prefixed with its location, as errors are shown to people.</summary>
    public string FullMessage => Location is null ? Message : $"{Location}: {Message}";
}
