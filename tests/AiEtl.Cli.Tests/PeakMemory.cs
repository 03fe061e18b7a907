using System.Diagnostics;
using System.Globalization;

namespace AiEtl.Cli.Tests;

/// <summary>
/// The peak resident memory of a running child process, read from Linux's <c>/proc/&lt;pid&gt;/status</c> (VmHWM, the
/// kernel's own high-water mark) until it exits: the last reading is at most one poll before the end, so it can only
/// understate the true peak, never invent one.
/// </summary>
internal static class PeakMemory
{
    public static async Task<(Aietl.Run Run, long PeakBytes)> RunAsync(string workingDirectory, params string[] arguments)
    {
        using var process = Aietl.Start(workingDirectory, new Dictionary<string, string?>(), arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (!process.HasExited)
        {
            peak = Math.Max(peak, Read(process));
            await Task.Delay(10, deadline.Token);
        }

        await process.WaitForExitAsync(deadline.Token);
        return (new Aietl.Run(process.ExitCode, await output, await error), peak);
    }

    private static long Read(Process process)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }
}
