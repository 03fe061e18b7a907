namespace AiEtl.Assist;

/// <summary>
/// One suggestion, never applied by AiEtl: the user reads it with its source and copies it into the pipeline if they agree.
/// </summary>
/// <param name="Column">The file's column it is about.</param>
/// <param name="Kind">What it proposes.</param>
/// <param name="Value">The proposed value: the description, the sensitive kind (<c>email</c>, <c>credit_card</c>, ...) or the record's field name.</param>
/// <param name="Source">Where it comes from: <c>model &lt;id&gt;</c>, or <c>name match</c> for a mapping found without a model.</param>
/// <param name="Reason">The model's reason, when it gave one.</param>
public sealed record AssistSuggestion(string Column, AssistSuggestionKind Kind, string Value, string Source, string? Reason = null);
