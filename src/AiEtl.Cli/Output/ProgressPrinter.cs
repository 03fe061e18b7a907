using System.Globalization;

namespace AiEtl.Cli.Output;

/// <summary>
/// Progress of a run on the error stream: one line rewritten in place on a terminal, or a plain line at most every
/// interval when the stream is redirected (a log file, CI), so logs stay readable.
/// </summary>
internal sealed class ProgressPrinter : IProgress<PipelineProgress>
{
    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly TimeSpan _interval;
    private TimeSpan? _lastPrinted;

    public ProgressPrinter(TextWriter writer, bool interactive, TimeSpan interval)
    {
        _writer = writer;
        _interactive = interactive;
        _interval = interval;
    }

    public void Report(PipelineProgress value)
    {
        if (!value.Completed && !_interactive && _lastPrinted is { } last && value.Elapsed - last < _interval)
        {
            return;
        }

        _lastPrinted = value.Elapsed;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{value.Elapsed.TotalSeconds,7:0.0}s  extracted {value.RecordsExtracted,12:N0}  loaded {value.RecordsLoaded,12:N0}  failed {value.RecordsFailed,8:N0}  {value.RecordsPerSecond,10:N0} rows/s");
        if (_interactive)
        {
            _writer.Write("\r" + line + (value.Completed ? "\n" : ""));
        }
        else
        {
            _writer.WriteLine(line);
        }
    }
}
