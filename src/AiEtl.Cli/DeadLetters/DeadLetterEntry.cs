using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// One entry of a dead-letter file as the engine's <c>DeadLetterWriter</c> writes it: the stage and reason, where the
/// row was in its source, its key, and the row itself (<c>raw</c>: a CSV or JSON line at extract, the row as JSON after
/// it), with the line of the file it stands on and its text, so a rewrite keeps every property it does not change.
/// </summary>
internal sealed class DeadLetterEntry
{
    private DeadLetterEntry(long fileLine, string text)
    {
        FileLine = fileLine;
        Text = text;
    }

    /// <summary>The 1-based line of the dead-letter file.</summary>
    public long FileLine { get; }

    /// <summary>The line as written.</summary>
    public string Text { get; }

    public string EntryId { get; private init; } = "";

    public string Stage { get; private init; } = "";

    public string ErrorType { get; private init; } = "";

    public string Message { get; private init; } = "";

    public string? RecordId { get; private init; }

    public DataLocation? Location { get; private init; }

    public string? Raw { get; private init; }

    /// <summary>The entry on <paramref name="text"/>, or <see langword="null"/> when the line is not one (a torn or foreign line).</summary>
    public static DeadLetterEntry? Parse(long fileLine, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "stage") is not { } stage)
            {
                return null;
            }

            return new DeadLetterEntry(fileLine, text)
            {
                EntryId = String(root, "entry_id") ?? "",
                Stage = stage,
                ErrorType = String(root, "error_type") ?? "",
                Message = String(root, "message") ?? "",
                RecordId = String(root, "record_id"),
                Location = root.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object ? LocationOf(location) : null,
                Raw = String(root, "raw"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The reason without the location the message starts with.</summary>
    public string Reason => Location?.ToString() is { } prefix && Message.StartsWith(prefix + ": ", StringComparison.Ordinal) ? Message[(prefix.Length + 2)..] : Message;

    /// <summary>
    /// The entry after a replay its row failed again: the new reason and error type in place of the old ones, and when
    /// and at which stage it failed. Its stage, location, row and id stay, so it replays the same way and a run that
    /// rejects the same input again still finds it in the file.
    /// </summary>
    public string WithReplayFailure(string stage, string errorType, string message, DateTimeOffset timestamp)
    {
        using var json = JsonDocument.Parse(Text);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var property in json.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "message":
                        writer.WriteString("message", message);
                        break;
                    case "error_type":
                        writer.WriteString("error_type", errorType);
                        break;
                    case "replay_stage" or "replayed_at":
                        break;
                    default:
                        property.WriteTo(writer);
                        break;
                }
            }

            writer.WriteString("replay_stage", stage);
            writer.WriteString("replayed_at", timestamp);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static DataLocation LocationOf(JsonElement location) => new(String(location, "source") ?? "")
    {
        Line = Number(location, "line"),
        Column = Number(location, "column") is { } column ? (int)column : null,
        ColumnName = String(location, "column_name"),
        Row = Number(location, "row"),
        ByteOffset = Number(location, "byte_offset"),
    };

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
