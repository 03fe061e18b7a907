using System.IO.Compression;
using System.Runtime.InteropServices;

namespace AiEtl.IntegrationTests;

/// <summary>
/// A typed pipeline is generated code all the way down, so it can be published with Native AOT (the fastest way to
/// host a batch job, docs/architecture.md). The file harness (tests/AiEtl.FileBench) is published for real and must
/// write exactly what its JIT build writes, for typed and dynamic rows, JSON Lines and gzip'd CSV.
/// </summary>
public sealed class NativeAotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-aot-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_native_aot_publication_writes_what_the_jit_build_writes()
    {
        var published = Path.Combine(_directory, "aot");
        // Its own artifacts path: the publication rebuilds nothing the other tests are running.
        var (publishExit, publishOutput) = await ProcessRunner.RunAsync(
            "dotnet",
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(10),
            "publish",
            Path.Combine(RepositoryPaths.Root, "tests", "AiEtl.FileBench", "AiEtl.FileBench.csproj"),
            "-c",
            "Release",
            "-r",
            RuntimeInformation.RuntimeIdentifier,
            "--artifacts-path",
            Path.Combine(_directory, "build"),
            "-o",
            published,
            "-nologo");
        Assert.True(publishExit == 0, publishOutput);
        var native = Path.Combine(published, "AiEtl.FileBench");
        Assert.True(File.Exists(native), $"no native executable in {published}");
        Assert.False(File.Exists(Path.Combine(published, "AiEtl.dll")), "the publication still needs the JIT");

        var input = RepositoryPaths.SampleData("customers.csv");
        var inputRows = File.ReadLines(input).Count() - 1;
        foreach (var (rows, format, extension) in new[] { ("typed", "jsonl", ".jsonl"), ("dynamic", "jsonl", ".jsonl"), ("typed", "csvgz", ".csv.gz"), ("dynamic", "csvgz", ".csv.gz") })
        {
            var jitOutput = Path.Combine(_directory, $"{rows}-jit{extension}");
            var aotOutput = Path.Combine(_directory, $"{rows}-aot{extension}");

            var (jitExit, jitPrinted) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.FileBenchDll, rows, format, input, jitOutput);
            var (aotExit, aotPrinted) = await ProcessRunner.RunAsync(native, _directory, TimeSpan.FromMinutes(2), rows, format, input, aotOutput);

            Assert.True(jitExit == 0, jitPrinted);
            Assert.True(aotExit == 0, aotPrinted);
            Assert.Contains($"{rows}-{format} {inputRows} ", aotPrinted, StringComparison.Ordinal);
            var expected = ReadText(jitOutput);
            Assert.Equal(expected, ReadText(aotOutput));
            Assert.Equal(format == "jsonl" ? inputRows : inputRows + 1, expected.Count(c => c == '\n'));
        }
    }

    private static string ReadText(string path)
    {
        using Stream file = File.OpenRead(path);
        using var content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(content);
        return reader.ReadToEnd();
    }
}
