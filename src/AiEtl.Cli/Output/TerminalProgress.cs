using System.Globalization;
using System.Text;

namespace AiEtl.Cli.Output;

/// <summary>
/// The live progress of a run on a terminal: one status line on the error stream, redrawn in place (carriage return,
/// erase line) with the rows each stage has handled, the rate, and the percent, a bar and the ETA when the source's
/// size is known; the last one stays, above the summary table.
/// </summary>
/// <remarks>
/// A redraw of our own rather than Spectre.Console's live display: Spectre's Progress and Live run the work inside their
/// callback and redraw a region from a thread of their own, assuming they own the terminal, while the engine reports from
/// its load thread and the console logger writes to the same stream from another. One line, redrawn only when the
/// engine reports (after a commit) and at most <see cref="MinimumRedrawInterval"/> apart, costs nothing per row; a log
/// line written meanwhile starts where the status line ends, and the next redraw is on the line below it.
/// </remarks>
internal sealed class TerminalProgress : IProgress<PipelineProgress>
{
    /// <summary>At most 8 redraws a second: often enough to look live, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan MinimumRedrawInterval = TimeSpan.FromMilliseconds(125);

    private const int BarWidth = 16;
    private readonly TextWriter _writer;
    private readonly bool _color;
    private readonly int _width;
    private readonly Lock _gate = new();
    private TimeSpan? _lastDrawn;

    public TerminalProgress(TextWriter writer, bool color, int width)
    {
        _writer = writer;
        _color = color;
        _width = Math.Max(20, width);
    }

    /// <summary>Whether standard output and error are a terminal that can redraw a line (not redirected, not TERM=dumb).</summary>
    public static bool Available =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>Colors unless NO_COLOR is set to anything (https://no-color.org).</summary>
    public static bool ColorAllowed => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The terminal's width: COLUMNS, else the console's, else 80 (a pseudo-terminal may say 0).</summary>
    public static int TerminalWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return columns;
        }

        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    public void Report(PipelineProgress value)
    {
        lock (_gate)
        {
            if (!value.Completed && _lastDrawn is { } last && value.Elapsed - last < MinimumRedrawInterval)
            {
                return;
            }

            _lastDrawn = value.Elapsed;
            _writer.Write("\r\u001b[2K" + Line(value) + (value.Completed ? "\n" : ""));
            _writer.Flush();
        }
    }

    // Whole numbers when they fit the terminal's width, else 1.2k and 3.4M; then cut (counting only the visible
    // characters), so the line never wraps and \r redraws it whole.
    private string Line(PipelineProgress value)
    {
        var parts = Parts(value, compact: false);
        if (parts.Sum(p => p.Text.Length) >= _width)
        {
            parts = Parts(value, compact: true);
        }

        var line = new StringBuilder();
        var room = _width - 1;
        foreach (var (text, color) in parts)
        {
            var shown = text.Length <= room ? text : text[..room];
            room -= shown.Length;
            line.Append(_color && color is not null && shown.Length > 0 ? $"\u001b[{color}m{shown}\u001b[0m" : shown);
            if (room == 0)
            {
                break;
            }
        }

        return line.ToString();
    }

    // Compact, for a narrow terminal (80 columns): no bar and no elapsed time, 1.2k and 3.4M for the counts.
    private static List<(string Text, string? Color)> Parts(PipelineProgress value, bool compact)
    {
        string Count(double number) => compact ? Compact(number) : Format($"{number:N0}");
        var parts = new List<(string Text, string? Color)>();
        if (value.Fraction is { } fraction)
        {
            parts.Add((Format($"{fraction * 100,3:0}% "), null));
            if (!compact)
            {
                var filled = (int)Math.Round(fraction * BarWidth);
                parts.Add(("[" + new string('#', filled), "32"));
                parts.Add((new string('-', BarWidth - filled) + "] ", null));
            }

            parts.Add((value.Completed ? "" : value.EstimatedRemaining is { } eta ? "ETA " + Duration(eta) + "  " : "ETA ?  ", null));
        }

        if (!compact)
        {
            parts.Add((Format($"{value.Elapsed.TotalSeconds:0.0}s  "), "2"));
        }

        parts.Add(($"read {Count(value.RecordsExtracted)}  transformed {Count(value.RecordsTransformed)}  loaded {Count(value.RecordsLoaded)}", null));
        parts.Add(($"  failed {Count(value.RecordsFailed)}", value.RecordsFailed > 0 ? "31" : null));
        parts.Add(($"  {Count(value.RecordsPerSecond)}" + (compact ? "/s" : " rows/s"), null));
        return parts;
    }

    private static string Compact(double number) =>
        number >= 1e9 ? Format($"{number / 1e9:0.0}G")
        : number >= 1e6 ? Format($"{number / 1e6:0.0}M")
        : number >= 1e3 ? Format($"{number / 1e3:0.0}k")
        : Format($"{number:0}");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? Format($"{(int)span.TotalHours}h{span.Minutes:00}m")
        : span.TotalMinutes >= 1 ? Format($"{span.Minutes}m{span.Seconds:00}s")
        : Format($"{Math.Ceiling(span.TotalSeconds):0}s");
}
