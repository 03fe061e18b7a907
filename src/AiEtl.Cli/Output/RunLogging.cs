using AiEtl.Configuration.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AiEtl.Cli.Output;

/// <summary>
/// The logger factory of a run, as <c>pipeline.monitoring</c> (or the seed's <c>LOG_LEVEL</c> and <c>LOG_FORMAT</c>) says:
/// one line a message in text, or one JSON object a line; always on standard error, so that <c>--output json</c> keeps
/// standard output to the summary.
/// </summary>
/// <remarks>
/// Made without <c>LoggerFactory.Create</c>: its dependency injection container, options and configuration binding
/// (all JIT-compiled, none used: nothing is configured from files) were a sixth of a 10-row run's start-up
/// (docs/benchmarks.md, "Start-up of the JIT tool"). The library's console provider still writes, on its own thread;
/// only the two line layouts it was configured with are the tool's own (<see cref="SingleLineLogFormatter"/>,
/// <see cref="JsonLineLogFormatter"/>), since the library's formatters can only be made by its container.
/// </remarks>
internal static class RunLogging
{
    public static ILoggerFactory Create(MonitoringSettings monitoring)
    {
        ConsoleFormatter formatter = monitoring.LogFormat == "json" ? new JsonLineLogFormatter() : new SingleLineLogFormatter();
        var console = new ConsoleLoggerProvider(
            new FixedOptionsMonitor<ConsoleLoggerOptions>(new ConsoleLoggerOptions
            {
                FormatterName = formatter.Name,
                LogToStandardErrorThreshold = LogLevel.Trace,
            }),
            [formatter]);
        var factory = new LoggerFactory([], new LoggerFilterOptions { MinLevel = LevelOf(monitoring.LogLevel) });

        // Added rather than passed to the constructor, so that disposing the factory disposes the provider, which
        // writes out what its thread still holds.
        factory.AddProvider(console);
        return factory;
    }

    private static LogLevel LevelOf(string level) => level switch
    {
        "DEBUG" => LogLevel.Debug,
        "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
