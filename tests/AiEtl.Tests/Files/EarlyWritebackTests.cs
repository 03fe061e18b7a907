using AiEtl.Json;

namespace AiEtl.Tests.Files;

/// <summary>
/// A temp file larger than the writeback interval (8 MB) has its disk writes started while it grows; what is
/// published is still every row once, in order, when writing anew and when appending to a large file.
/// </summary>
public sealed class EarlyWritebackTests : IDisposable
{
    private const int Rows = 250_000; // about 17 MB of JSON Lines

    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-writeback-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_file_written_back_while_it_grows_is_published_whole()
    {
        var path = Path.Combine(_directory, "people.jsonl");
        var options = new JsonDestinationOptions(path) { WriteMode = WriteMode.Append };

        var first = await WriteAsync(new JsonDestination<Person>(options), People(1));
        var second = await WriteAsync(new JsonDestination<Person>(options), People(Rows + 1));

        Assert.True(first.Success, first.Describe());
        Assert.True(second.Success, second.Describe());
        Assert.True(new FileInfo(path).Length > 3 * (8 << 20), "the file must span several writeback intervals");
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            Assert.Equal(Line(lineNumber), line);
        }

        Assert.Equal(2 * Rows, lineNumber);
    }

    [Fact]
    public void Starting_writeback_on_a_file_keeps_its_bytes()
    {
        var path = Path.Combine(_directory, "raw.bin");
        var chunk = Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 31)).ToArray();
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            var writeback = new EarlyWriteback(file.SafeFileHandle);
            for (var i = 0; i < 20; i++)
            {
                file.Write(chunk);
                writeback.Grew(file.Position);
            }

            file.Flush(flushToDisk: true);
        }

        var written = File.ReadAllBytes(path);
        Assert.Equal(20 * chunk.Length, written.Length);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(written.AsSpan(i * chunk.Length, chunk.Length).SequenceEqual(chunk), $"chunk {i} differs");
        }
    }

    private static IEnumerable<Person> People(int firstId) =>
        Enumerable.Range(firstId, Rows).Select(id => new Person(id, $"person {id}", id % 90, new DateOnly(2000, 1, 1).AddDays(id % 9000), id / 100m));

    private static string Line(int id) =>
        $$"""{"id":{{id}},"name":"person {{id}}","age":{{id % 90}},"born":"{{new DateOnly(2000, 1, 1).AddDays(id % 9000):yyyy-MM-dd}}","balance":{{(id / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";

    private static async Task<PipelineResult> WriteAsync(IDestination<Person> destination, IEnumerable<Person> rows) =>
        await EtlPipeline.Create<Person>("write")
            .From(new EnumerableSource<Person>(rows))
            .To(destination)
            .RunAsync(TestContext.Current.CancellationToken);
}
