using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AiEtl.Cli.Output;

/// <summary>
/// The text log line, as the library's simple console formatter writes it with <c>SingleLine</c>, a <c>HH:mm:ss </c>
/// local timestamp, no colours and no scopes: <c>14:56:12 info: AiEtl.Pipeline[1] Pipeline p started: a -> b</c>.
/// </summary>
internal sealed class SingleLineLogFormatter() : ConsoleFormatter("aietl-text")
{
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(DateTimeOffset.Now.ToString("HH:mm:ss "));
        textWriter.Write(LevelOf(logEntry.LogLevel));
        textWriter.Write(": " + logEntry.Category + "[" + logEntry.EventId.Id + "]");
        WriteOnOneLine(textWriter, message);
        WriteOnOneLine(textWriter, logEntry.Exception?.ToString());
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteOnOneLine(TextWriter textWriter, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            textWriter.Write(' ');
            textWriter.Write(text.Replace(Environment.NewLine, " "));
        }
    }

    private static string LevelOf(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
