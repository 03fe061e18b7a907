using System.Text.Json;

namespace AiEtl.Assist;

/// <summary>
/// Reads the model's answer defensively with <see cref="JsonDocument"/> (no reflection): text around the JSON and code
/// fences are skipped; an answer that is not JSON, an unknown column or field, an unknown kind or a missing member
/// becomes a problem, never an exception.
/// </summary>
public static class AssistAnswer
{
    /// <summary>The descriptions and sensitive kinds of an answer to <see cref="AssistPrompt.ForColumns"/>, for the columns asked only.</summary>
    public static AssistResult ParseColumns(string answer, IReadOnlyList<string> asked, string source)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var suggestions = new List<AssistSuggestion>();
        var problems = new List<string>();
        var known = new HashSet<string>(asked, StringComparer.Ordinal);
        foreach (var item in Items(answer, "columns", problems))
        {
            var name = Text(item, "name");
            if (name is null || !known.Contains(name))
            {
                problems.Add(name is null ? "an answer item has no column name; ignored" : $"{name}: not a column asked about; ignored");
                continue;
            }

            var reason = Text(item, "reason");
            if (Text(item, "description") is { Length: > 0 } description)
            {
                suggestions.Add(new AssistSuggestion(name, AssistSuggestionKind.Description, description, source, reason));
            }

            if (Text(item, "sensitive") is { } kind)
            {
                if (SensitiveKinds.Allowed.Contains(kind.Trim().ToLowerInvariant()))
                {
                    suggestions.Add(new AssistSuggestion(name, AssistSuggestionKind.SensitiveKind, kind.Trim().ToLowerInvariant(), source, reason));
                }
                else
                {
                    problems.Add($"{name}: unknown sensitive kind '{kind}' (one of {string.Join(", ", SensitiveKinds.Allowed)}); ignored");
                }
            }
        }

        return new AssistResult { Suggestions = suggestions, Problems = problems };
    }

    /// <summary>The column-to-field pairs of an answer to <see cref="AssistPrompt.ForMapping"/>, among the columns and fields asked only.</summary>
    public static AssistResult ParseMapping(string answer, IReadOnlyList<string> columns, IReadOnlyList<string> fields, string source)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(fields);
        var suggestions = new List<AssistSuggestion>();
        var problems = new List<string>();
        var freeColumns = new HashSet<string>(columns, StringComparer.Ordinal);
        var freeFields = new HashSet<string>(fields, StringComparer.Ordinal);
        foreach (var item in Items(answer, "mappings", problems))
        {
            var (column, field) = (Text(item, "column"), Text(item, "field"));
            if (column is null || !freeColumns.Contains(column))
            {
                problems.Add($"{column ?? "(no column)"}: not a column left to map (unknown, or mapped already); ignored");
            }
            else if (field is null || !freeFields.Contains(field))
            {
                problems.Add($"{column}: field '{field}' is not a field of the record left to map; ignored");
            }
            else
            {
                freeColumns.Remove(column);
                freeFields.Remove(field);
                suggestions.Add(new AssistSuggestion(column, AssistSuggestionKind.FieldMapping, field, source, Text(item, "reason")));
            }
        }

        return new AssistResult { Suggestions = suggestions, Problems = problems };
    }

    // The objects of the answer's array member; the document is copied out so nothing outlives it.
    private static List<JsonElement> Items(string answer, string member, List<string> problems)
    {
        var start = answer?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        if (answer is null || start < 0)
        {
            problems.Add("the answer holds no JSON object; nothing suggested");
            return [];
        }

        // A cut answer (no closing brace) is parsed to its end, so the problem says where the JSON broke.
        var end = answer.LastIndexOf('}') is var last && last > start ? last : answer.Length - 1;

        try
        {
            using var document = JsonDocument.Parse(answer.AsMemory(start, end - start + 1));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(member, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"the answer has no \"{member}\" array; nothing suggested");
                return [];
            }

            var items = new List<JsonElement>();
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    items.Add(item.Clone());
                }
                else
                {
                    problems.Add($"an item of \"{member}\" is not an object; ignored");
                }
            }

            return items;
        }
        catch (JsonException error)
        {
            problems.Add($"the answer is not valid JSON ({error.Message}); nothing suggested");
            return [];
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
