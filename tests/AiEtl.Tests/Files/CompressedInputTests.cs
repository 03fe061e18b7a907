using System.Diagnostics;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Files;

/// <summary>Compressed inputs made by the real command-line tools, read by extension.</summary>
public sealed class CompressedInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-compressed-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("xz", ".xz")]
    [InlineData("gzip", ".gz")]
    [InlineData("bzip2", ".bz2")]
    [InlineData("zstd", ".zst")]
    public async Task Csv_and_json_lines_compressed_by_the_tool_are_read(string tool, string extension)
    {
        if (!File.Exists($"/usr/bin/{tool}"))
        {
            Assert.Skip($"{tool} is not installed");
        }

        var csv = await CompressAsync(tool, "people.csv", "id,name,age,born,balance\n1,a,,2000-01-01,1.5\n2,\"b,c\",3,2000-01-02,2\n", extension);
        var jsonl = await CompressAsync(tool, "people.jsonl", "{\"id\":1,\"name\":\"a\",\"born\":\"2000-01-01\",\"balance\":1.5}\n", extension);

        var fromCsv = new RecordingDestination<Person>();
        var fromJson = new RecordingDestination<Person>();
        var csvRun = await EtlPipeline.Create<Person>("xz").From(new CsvSource<Person>(csv)).To(fromCsv).RunAsync(TestContext.Current.CancellationToken);
        var jsonRun = await EtlPipeline.Create<Person>("xz").From(new JsonSource<Person>(jsonl)).To(fromJson).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(csvRun.Success, csvRun.Describe());
        Assert.True(jsonRun.Success, jsonRun.Describe());
        Assert.Equal([new Person(1, "a", null, new DateOnly(2000, 1, 1), 1.5m), new Person(2, "b,c", 3, new DateOnly(2000, 1, 2), 2m)], fromCsv.Committed);
        Assert.Equal(new Person(1, "a", null, new DateOnly(2000, 1, 1), 1.5m), Assert.Single(fromJson.Committed));
    }

    private async Task<string> CompressAsync(string tool, string name, string content, string extension)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        using var process = Process.Start(new ProcessStartInfo($"/usr/bin/{tool}", ["-q", path]) { UseShellExecute = false })!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        Assert.True(File.Exists(path + extension));
        return path + extension;
    }
}
