using System.Globalization;

namespace AiEtl.Cli.Output;

/// <summary>
/// Progress of a run as plain lines on the error stream, one at most every interval and one at the end, for a stream
/// that is redirected (a log file, CI) or a run whose output is JSON, so logs stay readable; a terminal gets
/// <see cref="TerminalProgress"/> instead.
/// </summary>
internal sealed class ProgressPrinter : IProgress<PipelineProgress>
{
    private readonly TextWriter _writer;
    private readonly TimeSpan _interval;
    private TimeSpan? _lastPrinted;

    public ProgressPrinter(TextWriter writer, TimeSpan interval)
    {
        _writer = writer;
        _interval = interval;
    }

    public void Report(PipelineProgress value)
    {
        if (!value.Completed && _lastPrinted is { } last && value.Elapsed - last < _interval)
        {
            return;
        }

        _lastPrinted = value.Elapsed;
        var percent = value.Fraction is { } fraction ? string.Create(CultureInfo.InvariantCulture, $"  {fraction * 100,5:0.0}%") : "";
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{value.Elapsed.TotalSeconds,7:0.0}s  extracted {value.RecordsExtracted,12:N0}  loaded {value.RecordsLoaded,12:N0}  failed {value.RecordsFailed,8:N0}  {value.RecordsPerSecond,10:N0} rows/s") + percent);
    }
}
