
namespace AiEtl.Tests.Files;

/// <summary>Rows with awkward values for round trips, and pipeline helpers.</summary>
public static class FileTestData
{
    public static List<FileRow> Rows(int count, int firstId = 1) =>
        [.. Enumerable.Range(firstId, count).Select(i => new FileRow(
            i,
            (i % 5) switch
            {
                0 => "Smith, \"JJ\"",
                1 => "multi\nline",
                2 => " padded ",
                3 => "Zoë ✓",
                _ => $"name{i}",
            },
            i % 3 == 0 ? null : $"note {i}",
            long.MaxValue - i,
            i % 7 == 0 ? double.NaN : (i * 0.1) + 1e-12,
            -12345678901.25m + i,
            i % 2 == 0,
            new DateOnly(2000, 1, 1).AddDays(i),
            i % 4 == 0 ? null : new TimeOnly(13, 45, 7).Add(TimeSpan.FromTicks(i)),
            i % 2 == 0 ? new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(i) : new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Unspecified),
            new DateTimeOffset(2025, 1, 8, 10, 30, 0, TimeSpan.FromHours(i % 2 == 0 ? 2 : -5)).AddMilliseconds(i),
            new Guid(i, 1, 2, [3, 4, 5, 6, 7, 8, 9, 10]),
            (Tier)(i % 3),
            i % 3 == 1 ? null : $$$"""{"n":{{{i}}},"deep":{"list":[1,"two",null],"s":"a\"b"}}""",
            i % 4 == 0 ? [] : ["a,b", "c\"d", $"t{i}"]))];

    public static void AssertSame(IReadOnlyList<FileRow> expected, IReadOnlyList<FileRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Note, a.Note);
            Assert.Equal(e.Big, a.Big);
            Assert.Equal(e.Ratio, a.Ratio);
            Assert.Equal(e.Amount, a.Amount);
            Assert.Equal(e.Flag, a.Flag);
            Assert.Equal(e.Day, a.Day);
            Assert.Equal(e.At, a.At);
            Assert.Equal(e.When, a.When);
            Assert.Equal(e.When.Kind, a.When.Kind);
            Assert.Equal(e.Instant, a.Instant);
            Assert.Equal(e.Instant.Offset, a.Instant.Offset);
            Assert.Equal(e.Key, a.Key);
            Assert.Equal(e.Tier, a.Tier);
            Assert.Equal(Normalize(e.Payload), Normalize(a.Payload));
            Assert.Equal(e.Tags, a.Tags);
        }
    }

    public static async Task<PipelineResult> WriteAsync(IDestination<FileRow> destination, IEnumerable<FileRow> rows, int batchSize = 7) =>
        await EtlPipeline.Create<FileRow>("write")
            .From(new EnumerableSource<FileRow>(rows))
            .To(destination)
            .WithOptions(new PipelineOptions { BatchSize = batchSize })
            .RunAsync(TestContext.Current.CancellationToken);

    public static async Task<(PipelineResult Result, List<FileRow> Rows)> ReadAsync(ISource<FileRow> source, PipelineOptions? options = null)
    {
        var destination = new RecordingDestination<FileRow>();
        var result = await EtlPipeline.Create<FileRow>("read")
            .From(source)
            .To(destination)
            .WithOptions(options ?? new PipelineOptions())
            .RunAsync(TestContext.Current.CancellationToken);
        return (result, destination.Committed);
    }


    private static string? Normalize(string? json) => json is null ? null : System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement);
}
