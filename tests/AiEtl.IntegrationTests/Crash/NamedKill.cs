using System.Globalization;

namespace AiEtl.IntegrationTests.Crash;

/// <summary>
/// A kill at a named instant, <c>point[:n|:last][?]</c>: the n-th time (default the first) the point is reached,
/// <c>last</c> for the last commit of a run from the start; <c>?</c> marks a point the destination may never reach.
/// </summary>
internal sealed record NamedKill(string Point, int Nth, bool Optional)
{
    public string Argument => string.Create(CultureInfo.InvariantCulture, $"{Point}:{Nth}");

    /// <summary>The kills of each run in turn: <c>commit.after:100 then commit.after:50</c> kills two runs.</summary>
    public static List<NamedKill> ParseAll(string instant, int totalCommits) => [.. instant.Split(" then ").Select(spec => Parse(spec, totalCommits))];

    private static NamedKill Parse(string spec, int totalCommits)
    {
        var optional = spec.EndsWith('?');
        spec = spec.TrimEnd('?');
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new NamedKill(spec, 1, optional);
        }

        var nth = spec[(colon + 1)..] == "last" ? totalCommits : int.Parse(spec[(colon + 1)..], CultureInfo.InvariantCulture);
        return new NamedKill(spec[..colon], nth, optional);
    }
}
