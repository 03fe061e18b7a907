using System.Text;

namespace AiEtl.Assist;

/// <summary>
/// Suggestions as YAML comments after the schema, each with its source: nothing is applied and nothing is asked; the
/// user copies what they accept into the field (<c>description: ...</c>, <c>sensitive: ...</c>). What
/// <c>aietl schema infer --assist</c> prints.
/// </summary>
public static class AssistComments
{
    /// <summary>One comment line a suggestion, then one a problem.</summary>
    public static string Write(AssistResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder("# suggestions, not applied: copy into the field what you accept\n");
        foreach (var suggestion in result.Suggestions)
        {
            var key = suggestion.Kind switch
            {
                AssistSuggestionKind.Description => "description: \"" + OneLine(suggestion.Value).Replace("\"", "'", StringComparison.Ordinal) + "\"",
                AssistSuggestionKind.SensitiveKind => "sensitive: " + OneLine(suggestion.Value),
                _ => "maps to field: " + OneLine(suggestion.Value),
            };
            var reason = suggestion.Reason is { Length: > 0 } why ? ": " + OneLine(why) : "";
            text.Append("#   ").Append(suggestion.Column).Append(": ").Append(key).Append("  (").Append(suggestion.Source).Append(reason).Append(")\n");
        }

        foreach (var problem in result.Problems)
        {
            text.Append("# assist: ").Append(OneLine(problem)).Append('\n');
        }

        return text.ToString();
    }

    // A model's text may hold line breaks; each suggestion stays one comment line.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
