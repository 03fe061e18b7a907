using System.Globalization;

namespace AiEtl.Cli.Tests;

/// <summary>
/// How one run of a trial is stopped: <c>point[:n|:last]</c> is a SIGKILL from inside at the n-th time (default the
/// first) the engine reaches the instant, <c>last</c> meaning the last commit of a run from the start;
/// <c>sigint@point:n</c> is a Ctrl+C from outside while the run is held at the instant. A trial's steps are joined by
/// <c>then</c>: <c>commit.after:10 then commit.after:10</c> kills the run and then its rerun.
/// </summary>
internal sealed record KillStep(string Point, int Nth, bool Interrupt)
{
    private const string InterruptPrefix = "sigint@";

    /// <summary>The line the kill hook writes when the run reaches the instant.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture, $"point {Point} {Nth}");

    public string Argument => string.Create(CultureInfo.InvariantCulture, $"{Point}:{Nth}");

    public static List<KillStep> ParseAll(string instant, int totalCommits) => [.. instant.Split(" then ").Select(step => Parse(step, totalCommits))];

    private static KillStep Parse(string step, int totalCommits)
    {
        var interrupt = step.StartsWith(InterruptPrefix, StringComparison.Ordinal);
        step = interrupt ? step[InterruptPrefix.Length..] : step;
        var colon = step.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new KillStep(step, 1, interrupt);
        }

        var nth = step[(colon + 1)..] == "last" ? totalCommits : int.Parse(step[(colon + 1)..], CultureInfo.InvariantCulture);
        return new KillStep(step[..colon], nth, interrupt);
    }
}
