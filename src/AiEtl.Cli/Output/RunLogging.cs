using AiEtl.Configuration.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AiEtl.Cli.Output;

/// <summary>
/// The logger factory of a run, as <c>pipeline.monitoring</c> (or the seed's <c>LOG_LEVEL</c> and <c>LOG_FORMAT</c>) says:
/// one line a message in text, or one JSON object a line; always on standard error, so that <c>--output json</c> keeps
/// standard output to the summary.
/// </summary>
internal static class RunLogging
{
    public static ILoggerFactory Create(MonitoringSettings monitoring) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(monitoring.LogLevel switch
        {
            "DEBUG" => LogLevel.Debug,
            "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "CRITICAL" => LogLevel.Critical,
            _ => LogLevel.Information,
        });
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        if (monitoring.LogFormat == "json")
        {
            builder.AddJsonConsole(options =>
            {
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
    });
}
