using System.Globalization;
using AiEtl.IntegrationTests.Postgres;

namespace AiEtl.IntegrationTests.Crash;

/// <summary>
/// One trial of a case: a fresh work folder (and a fresh PostgreSQL schema), the consumer killed at the trial's
/// instant, then run again without a kill until it exits 0 (at most <see cref="MaxRuns"/> runs), then the destination
/// and the dead-letter file compared with the oracle.
/// </summary>
internal sealed class CrashTrial(CrashInput input, string destination, PostgresTestDatabase? postgres)
{
    public const int MaxRuns = 5;
    private static int s_trials;

    /// <returns><see langword="null"/> when the destination holds exactly the oracle and each bad row is dead-lettered once; else what went wrong.</returns>
    public async Task<string?> RunAsync(string mode, string instant, CancellationToken cancellationToken)
    {
        var calibration = await input.Calibrate(destination, mode, () => CalibrateAsync(mode, cancellationToken));
        if (instant == CrashCases.NoKill)
        {
            return calibration.Failure ?? (calibration.CommitPoints is > 0 and var said && said != input.TotalCommits
                ? $"an unkilled run said commit.after {said} times, {input.TotalCommits} expected from the input"
                : null);
        }

        if (calibration.Failure is not null)
        {
            return $"the unkilled run already fails, so kills prove nothing: {calibration.Failure}";
        }

        return instant.StartsWith(CrashCases.RandomPrefix, StringComparison.Ordinal)
            ? await TrialAsync(mode, [RandomKill(mode, instant, calibration)], cancellationToken)
            : await TrialAsync(mode, [.. NamedKill.ParseAll(instant, input.TotalCommits).Select(Named)], cancellationToken);
    }

    // An unkilled run of the case, made once per test class: its verdict, how long it loads and how many commits it says.
    private async Task<Calibration> CalibrateAsync(string mode, CancellationToken cancellationToken)
    {
        var workDirectory = Reset(mode);
        try
        {
            var run = await ConsumerProcess.RunAsync(Arguments(mode, workDirectory), null, null, cancellationToken);
            var failure = run.Killed || run.ExitCode != 0 ? $"the unkilled run {run.Describe()}" : Compare(mode, workDirectory);
            return new Calibration(run.Duration, run.Points("commit.after"), failure);
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private async Task<string?> TrialAsync(string mode, List<Kill> kills, CancellationToken cancellationToken)
    {
        var workDirectory = Reset(mode);
        var runs = new List<string>();
        try
        {
            var completed = false;
            for (var number = 1; number <= MaxRuns && !completed; number++)
            {
                var kill = number <= kills.Count ? kills[number - 1] : null;
                var arguments = Arguments(mode, workDirectory);
                if (kill?.Named is { } named)
                {
                    arguments.AddRange(["--kill-at", named.Argument]);
                }

                var run = await ConsumerProcess.RunAsync(arguments, kill?.OnLine, kill?.After, cancellationToken);
                runs.Add($"run {number} ({kill?.Description ?? "no kill"}): {run.Describe()}");
                if (run.Hung)
                {
                    return Report("a run hung", runs);
                }

                // A point the destination may never reach (marked optional) leaves an unkilled run, compared like any other.
                if (kill?.Named is { Optional: false } missed && !run.Killed)
                {
                    return Report(run.ExitCode == 0 ? $"the child finished without reaching {missed.Point} (the {Ordinal(missed.Nth)} time)" : $"the child failed before reaching {missed.Point}", runs);
                }

                completed = !run.Killed && run.ExitCode == 0;
            }

            if (!completed)
            {
                return Report($"no run exited 0 within {MaxRuns} runs", runs);
            }

            return Compare(mode, workDirectory) is { } difference ? Report(difference, runs) : null;
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private string? Compare(string mode, string workDirectory)
    {
        var rows = RowComparison.Rows(input.Oracle(mode), DestinationReader.Read(destination, workDirectory, postgres));
        var deadLetters = RowComparison.DeadLetters(Path.Combine(workDirectory, "dlq.jsonl"), input.BadLines);
        return rows is null && deadLetters is null ? null : string.Join("; and ", new[] { rows, deadLetters }.Where(m => m is not null));
    }

    private static Kill Named(NamedKill named) => new(named.Argument + (named.Optional ? " (optional)" : ""), named, null, null);

    // A kill from outside right after the k-th commit (0 <= k < total) says it is done, so it lands at a random
    // instant after that commit. A build whose engine says no commits yet is killed at the same fraction of an
    // unkilled run's duration instead.
    private Kill RandomKill(string mode, string instant, Calibration calibration)
    {
        var random = new Random(StableHash($"{destination}/{mode}/{instant}"));
        var k = random.Next(0, input.TotalCommits);
        if (calibration.CommitPoints > 0)
        {
            var line = k == 0 ? "started" : string.Create(CultureInfo.InvariantCulture, $"point commit.after {k}");
            return new Kill($"from outside after commit {k}", null, said => said == line, null);
        }

        var after = calibration.Duration * ((k + random.NextDouble()) / input.TotalCommits);
        return new Kill(string.Create(CultureInfo.InvariantCulture, $"from outside {after.TotalMilliseconds:0} ms after start, no commit points said"), null, null, after);
    }

    private List<string> Arguments(string mode, string workDirectory)
    {
        List<string> arguments = [destination, mode, input.Path, workDirectory];
        if (postgres is not null)
        {
            arguments.AddRange(["--postgres", postgres.ConnectionString, "--schema", postgres.Schema]);
        }

        return arguments;
    }

    // A fresh folder, and for PostgreSQL a fresh schema, so trials never see each other's rows or state.
    private string Reset(string mode)
    {
        var workDirectory = Path.Combine(input.Directory, $"{destination}-{mode}-{Interlocked.Increment(ref s_trials)}");
        Directory.CreateDirectory(workDirectory);
        postgres?.Execute($"DROP SCHEMA IF EXISTS \"{postgres.Schema}\" CASCADE; CREATE SCHEMA \"{postgres.Schema}\"");
        return workDirectory;
    }

    private static string Report(string failure, List<string> runs) => $"{failure}\n  {string.Join("\n  ", runs)}";

    private static string Ordinal(int n) => n switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => string.Create(CultureInfo.InvariantCulture, $"{n}th"),
    };

    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }

    /// <summary>How one run is killed: at a named instant by itself, or from outside on a line it says or after a delay.</summary>
    private sealed record Kill(string Description, NamedKill? Named, Func<string, bool>? OnLine, TimeSpan? After);
}
