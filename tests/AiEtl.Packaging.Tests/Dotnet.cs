using System.Diagnostics;

namespace AiEtl.Packaging.Tests;

/// <summary>What a finished process printed and how it ended.</summary>
/// <param name="ExitCode">the process's exit code</param>
/// <param name="Output">standard output, then standard error</param>
/// <param name="Elapsed">from start to exit</param>
public sealed record ProcessOutcome(int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"exit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s:\n{Output}";
}

/// <summary>
/// Runs the dotnet CLI (or a program it made) as a real process. MSBuild nodes are not reused, so no build process
/// outlives the test; the variables given replace those of the test process (NUGET_PACKAGES for the consumers), and one
/// given empty is removed.
/// </summary>
public static class Dotnet
{
    public static Task<ProcessOutcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ProcessAsync("dotnet", workingDirectory, environment, TimeSpan.FromMinutes(10), arguments);

    public static async Task<ProcessOutcome> ProcessAsync(
        string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (name, value) in environment)
        {
            if (value.Length == 0)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}:\n{await output}{await error}");
        }

        return new ProcessOutcome(process.ExitCode, await output + await error, clock.Elapsed);
    }
}
