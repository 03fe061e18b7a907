namespace AiEtl.Assist;

/// <summary>What an assistant returns: its suggestions, the problems with the answer (reported, not thrown), and the prompt sent.</summary>
public sealed record AssistResult
{
    /// <summary>The suggestions, each with its source; none is applied.</summary>
    public required IReadOnlyList<AssistSuggestion> Suggestions { get; init; }

    /// <summary>What was wrong with the answer or left out of the prompt: not JSON, an unknown column, field or kind, a cap reached.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>The exact text sent to the model, or <see langword="null"/> when nothing was sent.</summary>
    public string? Prompt { get; init; }
}
