using System.Text.Encodings.Web;
using System.Text.Json;
using AiEtl.Cli.DeadLetters;

namespace AiEtl.Cli.Output;

/// <summary>What the <c>--output json</c> of the dlq commands share: the writer's options and an entry's properties.</summary>
internal static class JsonOutput
{
    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Starts an entry's object and writes what identifies it; the caller adds its own properties and ends it.</summary>
    public static void WriteEntry(Utf8JsonWriter json, DeadLetterEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("entry_id", entry.EntryId);
        json.WriteNumber("file_line", entry.FileLine);
        json.WriteString("stage", entry.Stage);
        json.WriteString("error_type", entry.ErrorType);
        json.WriteString("reason", entry.Reason);
        if (entry.Location is { } location)
        {
            // The engine's location, and as people read it.
            json.WriteStartObject("location");
            json.WriteString("text", location.ToString());
            json.WriteString("source", location.Source);
            foreach (var (name, value) in new[] { ("line", location.Line), ("row", location.Row) })
            {
                if (value is { } number)
                {
                    json.WriteNumber(name, number);
                }
            }

            json.WriteString("column_name", location.ColumnName);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("location");
        }

        if (entry.RecordId is { } key)
        {
            json.WriteString("record_id", key);
        }
        else
        {
            json.WriteNull("record_id");
        }
    }
}
