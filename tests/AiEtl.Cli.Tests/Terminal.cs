using System.Diagnostics;

namespace AiEtl.Cli.Tests;

/// <summary>
/// Runs the tool on a pseudo-terminal, as a person at a terminal does, through util-linux's <c>script</c>: standard
/// output and error are then a tty (merged into what <c>script</c> prints).
/// </summary>
internal static class Terminal
{
    public static bool Available { get; } = File.Exists("/usr/bin/script") || File.Exists("/bin/script");

    public static async Task<Aietl.Run> RunAsync(string workingDirectory, IDictionary<string, string?> environment, params string[] arguments)
    {
        var command = string.Join(' ', new[] { "dotnet", Paths.ToolDll }.Concat(arguments).Select(Quote));
        var start = new ProcessStartInfo("script", ["-q", "-e", "-c", command, "/dev/null"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        return new Aietl.Run(process.ExitCode, await output, await error);
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
