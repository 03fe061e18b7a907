using System.IO.Compression;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace AiEtl.IntegrationTests;

/// <summary>
/// A typed pipeline is generated code all the way down, so it can be published with Native AOT (the fastest way to
/// host a batch job, docs/architecture.md). The file harness (tests/AiEtl.FileBench) and the QuickStart are published
/// for real and must write exactly what their JIT builds write: typed and dynamic rows, JSON Lines and gzip'd CSV,
/// and a SQLite table through the native SQLite library.
/// </summary>
public sealed class NativeAotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-aot-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_native_aot_publication_writes_what_the_jit_build_writes()
    {
        var native = await PublishAsync("tests/AiEtl.FileBench/AiEtl.FileBench.csproj", "AiEtl.FileBench");

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

    [Fact]
    public async Task The_quickstart_published_with_native_aot_loads_what_the_jit_build_loads()
    {
        var native = await PublishAsync("samples/QuickStart/QuickStart.csproj", "QuickStart");

        var (jitExit, jitPrinted) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.QuickStartDll, "--out", "jit");
        var (aotExit, aotPrinted) = await ProcessRunner.RunAsync(native, _directory, TimeSpan.FromMinutes(2), "--out", "aot");

        Assert.True(jitExit == 0, jitPrinted);
        Assert.True(aotExit == 0, aotPrinted);
        Assert.Contains("loaded          9,908 rows", aotPrinted, StringComparison.Ordinal);
        var expected = Dump(Path.Combine(_directory, "jit", "quickstart.db"));
        Assert.Equal(9_908, expected.Count);
        Assert.Equal(expected, Dump(Path.Combine(_directory, "aot", "quickstart.db")));
    }

    // Publishes a project of the repository with its own artifacts path, so the publication rebuilds nothing the
    // other tests are running, and returns the native executable.
    private async Task<string> PublishAsync(string project, string name)
    {
        var published = Path.Combine(_directory, name);
        var (exitCode, output) = await ProcessRunner.RunAsync(
            "dotnet",
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(10),
            "publish",
            Path.Combine(RepositoryPaths.Root, project),
            "-c",
            "Release",
            "-r",
            RuntimeInformation.RuntimeIdentifier,
            "--artifacts-path",
            Path.Combine(_directory, name + "-build"),
            "-o",
            published,
            "-nologo");
        Assert.True(exitCode == 0, output);
        var native = Path.Combine(published, name);
        Assert.True(File.Exists(native), $"no native executable in {published}");
        Assert.False(File.Exists(Path.Combine(published, name + ".dll")), "the publication still needs the JIT");
        Assert.False(File.Exists(Path.Combine(published, "AiEtl.dll")), "the publication still needs the JIT");
        return native;
    }

    // Every row of the customers table as text, in id order.
    private static List<string> Dump(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM customers ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetDataTypeName(i)}:{reader.GetValue(i)}")));
        }

        return rows;
    }

    private static string ReadText(string path)
    {
        using Stream file = File.OpenRead(path);
        using var content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(content);
        return reader.ReadToEnd();
    }
}
