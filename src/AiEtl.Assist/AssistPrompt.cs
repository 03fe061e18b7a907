using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiEtl.Assist;

/// <summary>
/// The text sent to the model: an instruction, then one JSON document of the columns asked about, each with its
/// inferred type, confidence, rule, the scanner's best guess and a few masked values (<see cref="MaskedSample"/>).
/// Written with <see cref="Utf8JsonWriter"/>, which needs no reflection (Native AOT).
/// </summary>
public sealed record AssistPrompt
{
    /// <summary>The instruction that asks for field descriptions and sensitive kinds, and says the JSON to answer with.</summary>
    public const string ColumnsInstruction =
        "You help a data engineer describe the columns of a file. For each column below, propose a one-sentence description " +
        "and the kind of sensitive data it holds, one of: none, email, phone, ssn, credit_card, other. Values in square " +
        "brackets ([email]) were masked before you saw them. Answer only with JSON: " +
        "{\"columns\":[{\"name\":\"<column>\",\"description\":\"<text>\",\"sensitive\":\"<kind>\",\"reason\":\"<short reason>\"}]}";

    /// <summary>The instruction that asks for a mapping of columns to a record's fields.</summary>
    public const string MappingInstruction =
        "You help a data engineer load a file into an existing record. Map each column of the file to the record field that " +
        "holds the same data, or leave it out when none does. Only names are given, no values. Answer only with JSON: " +
        "{\"mappings\":[{\"column\":\"<column>\",\"field\":\"<field>\",\"reason\":\"<short reason>\"}]}";

    /// <summary>The whole text sent.</summary>
    public required string Text { get; init; }

    /// <summary>The columns the prompt asks about.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>What the caps left out.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The prompt for descriptions and sensitive kinds of the columns the inference or the scan is unsure of (all with <see cref="AssistOptions.OnlyUnsure"/> off).</summary>
    public static AssistPrompt ForColumns(SchemaInferenceResult inference, IReadOnlyList<SensitiveColumn>? scan, AssistOptions options)
    {
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentNullException.ThrowIfNull(options);
        var scans = (scan ?? []).GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var asked = new List<string>();
        var problems = new List<string>();
        var entries = new List<string>();
        var length = ColumnsInstruction.Length + 32;
        foreach (var column in inference.Columns)
        {
            var found = scans.GetValueOrDefault(column.Name);
            if (options.OnlyUnsure && !column.IsUnsure && !IsUnsure(found))
            {
                continue;
            }

            var entry = Entry(column, found, options);
            if (asked.Count >= options.MaxColumns || length + entry.Length + 2 > options.MaxPromptCharacters)
            {
                problems.Add($"{column.Name}: not asked, the prompt reached its cap ({options.MaxColumns} columns, {options.MaxPromptCharacters} characters)");
                continue;
            }

            asked.Add(column.Name);
            entries.Add(entry);
            length += entry.Length + 2;
        }

        var text = new StringBuilder(ColumnsInstruction).Append("\n\n{\"columns\":[\n").AppendJoin(",\n", entries).Append("\n]}\n");
        return new AssistPrompt { Text = text.ToString(), Columns = asked, Problems = problems };
    }

    /// <summary>The prompt for the columns and fields that no name matched: names only.</summary>
    public static AssistPrompt ForMapping(IReadOnlyList<string> columns, IReadOnlyList<string> fields, string record)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(fields);
        var json = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("record", record);
            WriteStrings(writer, "fields", fields);
            WriteStrings(writer, "columns", columns);
            writer.WriteEndObject();
        });
        return new AssistPrompt { Text = MappingInstruction + "\n\n" + json + "\n", Columns = columns };
    }

    // Sensitive-looking but under the threshold: a name or a shape spoke for a kind, not enough to decide.
    private static bool IsUnsure(SensitiveColumn? scan) => scan is { IsSensitive: false, Score: >= 0.2 };

    private static string Entry(ColumnInference column, SensitiveColumn? scan, AssistOptions options) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("name", column.Name);
        writer.WriteString("inferred_type", column.Type.ToString().ToLowerInvariant());
        writer.WriteString("confidence", column.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
        writer.WriteString("rule", MaskedSample.MaskText(column.Rule));
        if (scan is not null)
        {
            writer.WriteString("scanner_kind", SensitiveKinds.NameOf(scan.IsSensitive ? scan.Kind : scan.BestCandidate));
            writer.WriteString("scanner_score", scan.Score.ToString("0.00", CultureInfo.InvariantCulture));
        }

        WriteStrings(writer, "masked_values", MaskedSample.Of(column, scan, options));
        writer.WriteEndObject();
    });

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
