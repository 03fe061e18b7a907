using System.Diagnostics;

namespace AiEtl.CrashWriter;

/// <summary>
/// Listens to the engine's named instants: says each one on stdout as <c>point &lt;name&gt; &lt;count&gt;</c>, and
/// kills this process with SIGKILL the n-th time the instant of <c>--kill-at name[:n]</c> is reached, so nothing
/// after it (no finally, no flush) runs.
/// </summary>
internal static class KillSwitch
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> Counts = [];

    public static void Install(string? killAt)
    {
        var (point, nth) = Parse(killAt);
        CrashPoints.Reached = name =>
        {
            lock (Gate)
            {
                var count = Counts[name] = Counts.GetValueOrDefault(name) + 1;
                Console.Out.WriteLine($"point {name} {count}");
                Console.Out.Flush();
                if (name == point && count == nth)
                {
                    Process.GetCurrentProcess().Kill();
                    Thread.Sleep(Timeout.Infinite); // the kill is asynchronous: nothing may run past the instant
                }
            }
        };
    }

    private static (string? Point, int Nth) Parse(string? killAt)
    {
        if (killAt is null)
        {
            return (null, 0);
        }

        var colon = killAt.LastIndexOf(':');
        return colon < 0 ? (killAt, 1) : (killAt[..colon], int.Parse(killAt[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
