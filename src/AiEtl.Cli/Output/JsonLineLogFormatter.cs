using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AiEtl.Cli.Output;

/// <summary>
/// The JSON log line, as the library's JSON console formatter writes it with a UTC <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>
/// timestamp and no scopes: <c>Timestamp</c>, <c>EventId</c>, <c>LogLevel</c>, <c>Category</c>, <c>Message</c>, the
/// exception as it is (JSON escapes its line breaks), and <c>State</c> with the message's template values
/// (Microsoft.Extensions.Logging.Console 10.0.15's layout: the state's own text is not repeated in it).
/// </summary>
internal sealed class JsonLineLogFormatter() : ConsoleFormatter("aietl-json")
{
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var output = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
            json.WriteNumber("EventId", logEntry.EventId.Id);
            json.WriteString("LogLevel", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteString("Message", message);
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("Exception", exception.ToString());
            }

            if (logEntry.State is { } state)
            {
                json.WriteStartObject("State");
                if (state is IReadOnlyCollection<KeyValuePair<string, object?>> values)
                {
                    foreach (var value in values)
                    {
                        WriteValue(json, value.Key, value.Value);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(output.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    // Numbers and booleans as JSON numbers and booleans, anything else as its invariant text.
    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case byte n:
                json.WriteNumber(key, n);
                break;
            case sbyte n:
                json.WriteNumber(key, n);
                break;
            case short n:
                json.WriteNumber(key, n);
                break;
            case ushort n:
                json.WriteNumber(key, n);
                break;
            case int n:
                json.WriteNumber(key, n);
                break;
            case uint n:
                json.WriteNumber(key, n);
                break;
            case long n:
                json.WriteNumber(key, n);
                break;
            case ulong n:
                json.WriteNumber(key, n);
                break;
            case float n:
                json.WriteNumber(key, n);
                break;
            case double n:
                json.WriteNumber(key, n);
                break;
            case decimal n:
                json.WriteNumber(key, n);
                break;
            case char c:
                json.WriteString(key, MemoryMarshal.CreateReadOnlySpan(ref c, 1));
                break;
            default:
                json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
