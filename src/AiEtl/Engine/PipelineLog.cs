using Microsoft.Extensions.Logging;

namespace AiEtl;

/// <summary>
/// What a run writes to <see cref="PipelineOptions.LoggerFactory"/> (category <c>AiEtl.Pipeline</c>), as
/// source-generated <see cref="LoggerMessageAttribute"/> methods: start and end at Information, each commit at
/// Debug, warnings, rejected rows in aggregate, and the error that stopped a run. Messages carry what errors
/// carry, so sensitive values are masked in them as in the errors.
/// </summary>
internal static partial class PipelineLog
{
    public const string Category = "AiEtl.Pipeline";

    [LoggerMessage(1, LogLevel.Information, "Pipeline {Pipeline} started: {Source} -> {Destination}")]
    public static partial void Started(ILogger logger, string pipeline, string source, string destination);

    [LoggerMessage(2, LogLevel.Information, "Pipeline {Pipeline} resumes after {RecordsProcessed} records already committed")]
    public static partial void Resumed(ILogger logger, string pipeline, long recordsProcessed);

    [LoggerMessage(3, LogLevel.Debug, "Pipeline {Pipeline} committed transaction {Commit}: {RecordsLoaded} rows loaded so far")]
    public static partial void Committed(ILogger logger, string pipeline, long commit, long recordsLoaded);

    [LoggerMessage(4, LogLevel.Warning, "Pipeline {Pipeline}: {Warning}")]
    public static partial void Warned(ILogger logger, string pipeline, string warning);

    [LoggerMessage(5, LogLevel.Warning, "Pipeline {Pipeline} rejected {RecordsFailed} rows into {DeadLetterPath}")]
    public static partial void Rejected(ILogger logger, string pipeline, long recordsFailed, string deadLetterPath);

    [LoggerMessage(6, LogLevel.Information, "Pipeline {Pipeline} finished in {Duration}: {RecordsExtracted} read, {RecordsLoaded} loaded, {RecordsFiltered} filtered, {RecordsFailed} failed")]
    public static partial void Finished(ILogger logger, string pipeline, TimeSpan duration, long recordsExtracted, long recordsLoaded, long recordsFiltered, long recordsFailed);

    [LoggerMessage(7, LogLevel.Error, "Pipeline {Pipeline} stopped ({ErrorType}): {Message}")]
    public static partial void Stopped(ILogger logger, string pipeline, string errorType, string message);
}
