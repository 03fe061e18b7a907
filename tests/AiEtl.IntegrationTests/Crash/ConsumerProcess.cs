using System.Diagnostics;

namespace AiEtl.IntegrationTests.Crash;

/// <summary>
/// Runs the crash writer's load mode (tests/AiEtl.CrashWriter, built beside this assembly) once: to completion, killed
/// by itself at a named instant (--kill-at), or killed from here when a line it says or a delay after its start asks.
/// Every run is bounded: a child that hangs is killed and reported.
/// </summary>
internal static class ConsumerProcess
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    public static string Dll => Path.Combine(RepositoryPaths.Root, "tests", "AiEtl.CrashWriter", "bin", RepositoryPaths.Configuration, "net10.0", "AiEtl.CrashWriter.dll");

    /// <param name="arguments">The load mode's arguments.</param>
    /// <param name="killOnLine">Kills the child from outside when it returns true for a line it said (after <c>started</c>).</param>
    /// <param name="killAfter">Kills the child from outside this long after it said <c>started</c>.</param>
    /// <param name="cancellationToken">Ends the wait; the child is bounded by its own time limit too.</param>
    public static async Task<ChildRun> RunAsync(IReadOnlyList<string> arguments, Func<string, bool>? killOnLine, TimeSpan? killAfter, CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(Dll), $"{Dll} is missing: build tests/AiEtl.IntegrationTests, which builds the crash writer first");
        var start = new ProcessStartInfo("dotnet", ["exec", Dll, "load", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var lines = new List<string>();
        var killed = false;
        var stopwatch = new Stopwatch();
        void Kill()
        {
            try
            {
                if (!process.HasExited)
                {
                    killed = true;
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited in between: a kill that came too late is no kill.
            }
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Bound);
        try
        {
            var first = await process.StandardOutput.ReadLineAsync(bound.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(60), bound.Token);
            if (first != "started")
            {
                Kill();
                await process.WaitForExitAsync(CancellationToken.None);
                return new ChildRun(process.ExitCode, Killed: false, lines, $"the child said '{first}' instead of 'started': {await stderr}", TimeSpan.Zero);
            }

            stopwatch.Start();
            using var timer = killAfter is { } delay ? new Timer(_ => Kill(), null, delay, Timeout.InfiniteTimeSpan) : null;
            if (killOnLine?.Invoke(first) == true)
            {
                Kill();
            }

            while (await process.StandardOutput.ReadLineAsync(bound.Token) is { } line)
            {
                lines.Add(line);
                if (!killed && killOnLine?.Invoke(line) == true)
                {
                    Kill();
                }
            }

            await process.WaitForExitAsync(bound.Token);
            stopwatch.Stop();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            return new ChildRun(process.ExitCode, Killed: false, lines, $"the child did not finish within {Bound} (killed): {await stderr}", stopwatch.Elapsed) { Hung = true };
        }

        // 137 = killed by SIGKILL: by itself at a --kill-at instant, or by us.
        return new ChildRun(process.ExitCode, killed || process.ExitCode == 137, lines, await stderr, stopwatch.Elapsed);
    }
}

/// <summary>One run of the consumer: how it ended, the lines it said after <c>started</c>, its stderr, how long it ran.</summary>
internal sealed record ChildRun(int ExitCode, bool Killed, IReadOnlyList<string> Lines, string Stderr, TimeSpan Duration)
{
    public bool Hung { get; init; }

    public int Points(string point) => Lines.Count(line => line.StartsWith($"point {point} ", StringComparison.Ordinal));

    public string Describe() => Killed
        ? $"killed after {Duration.TotalSeconds:0.00} s{(Lines.LastOrDefault(l => l.StartsWith("point ", StringComparison.Ordinal)) is { } last ? $" (last said: {last})" : "")}"
        : $"exited {ExitCode} after {Duration.TotalSeconds:0.00} s{(Stderr.Length > 0 ? $": {Stderr.Trim()}" : "")}";
}
