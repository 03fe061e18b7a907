namespace AiEtl.Cli.DeadLetters;

/// <summary>How an entry's row goes back into the pipeline.</summary>
internal enum ReplayInput
{
    /// <summary>Not at all: <see cref="ReplayDecision.Reason"/> says why.</summary>
    None,

    /// <summary>An extract entry of a CSV source: its raw line is parsed again with the source's options.</summary>
    CsvLine,

    /// <summary>An extract entry of a JSON source: its raw object is parsed again.</summary>
    JsonLine,

    /// <summary>A transform or load entry: the row as JSON, read with the schema.</summary>
    RowJson,
}
