using System.IO.Compression;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Files;

/// <summary>
/// <see cref="CsvDestinationOptions.CompressionLevel"/> and <see cref="JsonDestinationOptions.CompressionLevel"/>: a
/// harder level gives a smaller file with the same rows in it; bzip2 has one level.
/// </summary>
public sealed class CompressionLevelTests : IDisposable
{
    private const int Rows = 20_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-level-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(".csv.gz")]
    [InlineData(".csv.zip")]
    [InlineData(".csv.zst")]
    public async Task A_harder_level_gives_a_smaller_csv_with_the_same_rows(string extension)
    {
        var fastest = await WriteCsvAsync("fastest" + extension, CompressionLevel.Fastest);
        var optimal = await WriteCsvAsync("optimal" + extension, CompressionLevel.Optimal);
        var smallest = await WriteCsvAsync("smallest" + extension, CompressionLevel.SmallestSize);

        Assert.True(new FileInfo(optimal).Length < new FileInfo(fastest).Length, $"optimal {new FileInfo(optimal).Length} >= fastest {new FileInfo(fastest).Length}");
        Assert.True(new FileInfo(smallest).Length < new FileInfo(fastest).Length, $"smallest {new FileInfo(smallest).Length} >= fastest {new FileInfo(fastest).Length}");
        foreach (var path in new[] { fastest, optimal, smallest })
        {
            Assert.Equal(People().ToList(), await ReadCsvAsync(path));
        }
    }

    [Fact]
    public async Task No_compression_stores_and_bzip2_has_one_level()
    {
        var stored = await WriteCsvAsync("stored.csv.gz", CompressionLevel.NoCompression);
        var plain = await WriteCsvAsync("plain.csv", CompressionLevel.Fastest);
        var bzipFastest = await WriteCsvAsync("fastest.csv.bz2", CompressionLevel.Fastest);
        var bzipSmallest = await WriteCsvAsync("smallest.csv.bz2", CompressionLevel.SmallestSize);

        Assert.True(new FileInfo(stored).Length >= new FileInfo(plain).Length);
        Assert.Equal(People().ToList(), await ReadCsvAsync(stored));
        Assert.Equal(File.ReadAllBytes(bzipFastest), File.ReadAllBytes(bzipSmallest));
    }

    [Fact]
    public async Task The_json_destination_takes_the_level_too()
    {
        var fastest = Path.Combine(_directory, "fastest.jsonl.gz");
        var optimal = Path.Combine(_directory, "optimal.jsonl.gz");

        await RunAsync(new JsonDestination<Person>(new JsonDestinationOptions(fastest) { CompressionLevel = CompressionLevel.Fastest }));
        await RunAsync(new JsonDestination<Person>(new JsonDestinationOptions(optimal) { CompressionLevel = CompressionLevel.Optimal }));

        Assert.True(new FileInfo(optimal).Length < new FileInfo(fastest).Length);
        Assert.Equal(Decompress(fastest), Decompress(optimal));
    }

    private static IEnumerable<Person> People() =>
        Enumerable.Range(1, Rows).Select(id => new Person(id, $"person {id % 977}", id % 90, new DateOnly(2000, 1, 1).AddDays(id % 9000), id % 1000 / 4m));

    private static string Decompress(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return reader.ReadToEnd();
    }

    private async Task<string> WriteCsvAsync(string name, CompressionLevel level)
    {
        var path = Path.Combine(_directory, name);
        await RunAsync(new CsvDestination<Person>(new CsvDestinationOptions(path) { CompressionLevel = level }));
        return path;
    }

    private static async Task RunAsync(IDestination<Person> destination)
    {
        var result = await EtlPipeline.Create<Person>("level")
            .From(new EnumerableSource<Person>(People()))
            .To(destination)
            .RunAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Success, result.Describe());
    }

    private static async Task<List<Person>> ReadCsvAsync(string path)
    {
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>("read").From(new CsvSource<Person>(path)).To(destination).RunAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Success, result.Describe());
        return destination.Committed;
    }
}
