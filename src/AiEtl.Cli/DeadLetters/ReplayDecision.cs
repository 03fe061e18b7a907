using System.Text.RegularExpressions;
using AiEtl.Configuration.Model;

namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// Whether an entry can be replayed, and how. An entry whose stored row was masked cannot: its sensitive values are
/// not in the file, and loading their masks would put wrong data in the destination. It is kept, with the reason.
/// </summary>
internal sealed partial record ReplayDecision(ReplayInput Input, string? Reason)
{
    public bool Replayable => Input != ReplayInput.None;

    public static ReplayDecision For(DeadLetterEntry entry, PipelineConfiguration config, Schema schema)
    {
        if (entry.Raw is not { } raw)
        {
            return No(entry.Stage switch
            {
                "load" => "the entry keeps no row (a rejection written before load entries kept their row has only its location and key): run the pipeline again from its source",
                "extract" => "the entry keeps no row (a row that could not be split into fields keeps none when the schema has sensitive fields)",
                _ => "the entry keeps no row (the transform that failed on it stored none)",
            });
        }

        if (schema.Fields.Where(f => f.Sensitive != SensitiveKind.None || f.SensitivePaths.Count > 0).Select(f => f.Name).ToList() is { Count: > 0 } sensitive)
        {
            // The engine masks the values of sensitive fields in every stored row; a row whose field is empty is the
            // only one that would replay faithfully, and telling it apart would mean trusting the masked text.
            return No("the row was stored masked (sensitive field" + (sensitive.Count > 1 ? "s " : " ") + string.Join(", ", sensitive) + "), so it cannot be replayed faithfully");
        }

        if (config.Masking.Enabled && config.Masking.MaskDeadLetterRows && MaskedValue().IsMatch(raw))
        {
            return No("the row was stored with values masked (masking.mask_dead_letter_rows), so it cannot be replayed faithfully");
        }

        return entry.Stage switch
        {
            "extract" => config.Source.Adapter.Type switch
            {
                "csv" => new ReplayDecision(ReplayInput.CsvLine, null),
                "json" or "jsonl" => new ReplayDecision(ReplayInput.JsonLine, null),
                var type => No("an extract entry of a " + type + " source keeps no line to parse again"),
            },
            "transform" or "load" when raw.StartsWith('{') => new ReplayDecision(ReplayInput.RowJson, null),
            _ => No("the entry's row is not one this version can read (stage " + entry.Stage + ")"),
        };
    }

    private static ReplayDecision No(string reason) => new(ReplayInput.None, reason);

    // What the pattern masker leaves in place of a value: a partial mask (***), a redaction ([ssn]) or a keyed hash (ssn:3f9a0c1d2b7e4a55).
    [GeneratedRegex(@"\*\*\*|\[(?:ssn|credit_card|email|phone)\]|\b(?:ssn|credit_card|email|phone):[0-9a-f]{16}\b", RegexOptions.CultureInvariant)]
    private static partial Regex MaskedValue();
}
