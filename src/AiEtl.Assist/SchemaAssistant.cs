using Microsoft.Extensions.AI;

namespace AiEtl.Assist;

/// <summary>
/// Asks a language model, through any <see cref="IChatClient"/>, for what rules cannot settle: descriptions and
/// sensitive kinds of the columns the inference or the scan is unsure of, and a mapping of a file's columns to an
/// existing record. Only a small masked sample is sent (<see cref="AssistPrompt"/>); the answer is parsed defensively
/// (<see cref="AssistAnswer"/>); every suggestion is labelled with its source and none is applied to the schema.
/// </summary>
public sealed class SchemaAssistant
{
    private readonly IChatClient _client;
    private readonly AssistOptions _options;

    /// <summary>An assistant over the given client.</summary>
    public SchemaAssistant(IChatClient client, AssistOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new AssistOptions();
    }

    /// <summary>Descriptions and sensitive kinds for the unsure columns of an inference, given the scan of the same file when there is one.</summary>
    public async Task<AssistResult> SuggestAsync(SchemaInferenceResult inference, IReadOnlyList<SensitiveColumn>? scan = null, CancellationToken cancellationToken = default)
    {
        var prompt = AssistPrompt.ForColumns(inference, scan, _options);
        if (prompt.Columns.Count == 0)
        {
            return new AssistResult { Suggestions = [], Problems = [.. prompt.Problems, "no column to ask about: the inference and the scan are sure of every one; nothing sent"] };
        }

        var (answer, source) = await AskAsync(prompt.Text, cancellationToken).ConfigureAwait(false);
        var parsed = AssistAnswer.ParseColumns(answer, prompt.Columns, source);
        return parsed with { Problems = [.. prompt.Problems, .. parsed.Problems], Prompt = prompt.Text };
    }

    /// <summary>
    /// Which field of <paramref name="record"/> each column of <paramref name="header"/> maps to: names that match
    /// (case, underscores and camel case aside) first, labelled <c>name match</c>; the model only for what remains, and
    /// it gets names only.
    /// </summary>
    public async Task<AssistResult> MapColumnsAsync(IReadOnlyList<string> header, Schema record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(record);
        var fields = record.Fields.Select(f => f.Name).ToList();
        var matched = ColumnNameMatch.Match(header, fields);
        var suggestions = matched.Select(m => new AssistSuggestion(m.Column, AssistSuggestionKind.FieldMapping, m.Field, "name match")).ToList();
        var columnsLeft = header.Where(c => matched.All(m => m.Column != c)).ToList();
        var fieldsLeft = fields.Where(f => matched.All(m => m.Field != f)).ToList();
        if (columnsLeft.Count == 0 || fieldsLeft.Count == 0)
        {
            return new AssistResult { Suggestions = suggestions, Problems = [] };
        }

        var prompt = AssistPrompt.ForMapping(columnsLeft, fieldsLeft, record.Name);
        var (answer, source) = await AskAsync(prompt.Text, cancellationToken).ConfigureAwait(false);
        var parsed = AssistAnswer.ParseMapping(answer, columnsLeft, fieldsLeft, source);
        return new AssistResult { Suggestions = [.. suggestions, .. parsed.Suggestions], Problems = parsed.Problems, Prompt = prompt.Text };
    }

    private async Task<(string Answer, string Source)> AskAsync(string prompt, CancellationToken cancellationToken)
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.Json,
            Temperature = 0,
        }, cancellationToken).ConfigureAwait(false);
        var model = response.ModelId ?? _client.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";
        return (response.Text, "model " + model);
    }
}
