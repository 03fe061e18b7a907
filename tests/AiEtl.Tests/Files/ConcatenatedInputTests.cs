using System.Diagnostics;
using AiEtl.Csv;

namespace AiEtl.Tests.Files;

/// <summary>
/// A compressed input made of several units one after the other (gzip members, zstd frames, bzip2 streams, as
/// <c>tool -c part &gt;&gt; file</c> or an appending writer makes them) is read whole, not up to its first unit.
/// </summary>
public sealed class ConcatenatedInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-units-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("gzip", ".gz")]
    [InlineData("zstd", ".zst")]
    [InlineData("bzip2", ".bz2")]
    public async Task Files_the_tool_made_of_several_units_are_read_whole(string tool, string extension)
    {
        Assert.SkipUnless(File.Exists($"/usr/bin/{tool}"), $"{tool} is not installed");
        var path = Path.Combine(_directory, $"people.csv{extension}");
        var parts = new[] { "id,name,age,born,balance\n", "1,a,,2000-01-01,1.5\n", "2,\"b,c\",3,2000-01-02,2\n" };
        await using (var file = File.Create(path))
        {
            foreach (var part in parts)
            {
                var partPath = Path.Combine(_directory, "part.csv");
                await File.WriteAllTextAsync(partPath, part, TestContext.Current.CancellationToken);
                file.Write(await CompressAsync(tool, partPath));
            }
        }

        var rows = new RecordingDestination<Person>();
        var run = await EtlPipeline.Create<Person>("units").From(new CsvSource<Person>(path)).To(rows).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(run.Success, run.Describe());
        Assert.Equal([new Person(1, "a", null, new DateOnly(2000, 1, 1), 1.5m), new Person(2, "b,c", 3, new DateOnly(2000, 1, 2), 2m)], rows.Committed);
    }

    private static async Task<byte[]> CompressAsync(string tool, string path)
    {
        var start = new ProcessStartInfo($"/usr/bin/{tool}", ["-c", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.BaseStream.CopyToAsync(output, TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} -c {path} exited with {process.ExitCode}: {await errors}");
        return output.ToArray();
    }
}
