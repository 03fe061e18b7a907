using AiEtl.Csv;
using AiEtl.Internal;
using AiEtl.Json;
using AiEtl.Tests.Files;

namespace AiEtl.Tests.Engine;

/// <summary>
/// File destinations format batches on the thread pool ahead of the load stage (<see cref="IEncodingDestination{T}"/>):
/// the file is byte for byte the one written row by row on the load thread, separators included.
/// </summary>
public sealed class EncodeAheadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-encode-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("rows.json")]
    [InlineData("rows.jsonl")]
    [InlineData("rows.csv")]
    public async Task Batches_encoded_ahead_give_the_bytes_of_one_write_on_the_load_thread(string name)
    {
        var rows = FileTestData.Rows(23);
        var ahead = Path.Combine(_directory, "ahead-" + name);
        var direct = Path.Combine(_directory, "direct-" + name);

        var destination = Create(ahead);
        Assert.True(((IEncodingDestination<FileRow>)destination).EncodesAhead);
        var result = await EtlPipeline.Create<FileRow>("ahead")
            .From(new EnumerableSource<FileRow>(rows))
            .To(destination)
            .WithOptions(new PipelineOptions { BatchSize = 3, CommitEvery = 2 })
            .RunAsync(TestContext.Current.CancellationToken);
        await WriteDirectlyAsync(Create(direct), rows);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(23, result.RecordsLoaded);
        Assert.Equal(await File.ReadAllBytesAsync(direct, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(ahead, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rows_appended_to_a_json_array_keep_the_separator_before_the_first_new_row()
    {
        var path = Path.Combine(_directory, "grow.json");
        var first = FileTestData.Rows(2);
        var second = FileTestData.Rows(5, firstId: 3);

        Assert.True((await FileTestData.WriteAsync(new JsonDestination<FileRow>(path), first)).Success);
        var appended = await FileTestData.WriteAsync(new JsonDestination<FileRow>(new JsonDestinationOptions(path) { WriteMode = WriteMode.Append }), second, batchSize: 2);
        var (read, rows) = await FileTestData.ReadAsync(new JsonSource<FileRow>(path));

        Assert.True(appended.Success && read.Success, appended.Describe() + read.Describe());
        FileTestData.AssertSame([.. first, .. second], rows);
    }

    [Fact]
    public void Indented_json_is_formatted_on_the_load_thread()
    {
        var destination = new JsonDestination<FileRow>(new JsonDestinationOptions(Path.Combine(_directory, "pretty.json")) { Pretty = true });

        Assert.False(destination.EncodesAhead);
    }

    private static FileDestination<FileRow> Create(string path) => path.EndsWith(".csv", StringComparison.Ordinal)
        ? new CsvDestination<FileRow>(new CsvDestinationOptions(path))
        : new JsonDestination<FileRow>(path);

    // The destination driven by hand: one transaction, every row written on this thread, then published.
    private static async Task WriteDirectlyAsync(FileDestination<FileRow> destination, List<FileRow> rows)
    {
        var token = TestContext.Current.CancellationToken;
        await using (destination)
        {
            await destination.ConnectAsync(token);
            await destination.CreateSchemaAsync(FileRow.Schema, token);
            await destination.BeginTransactionAsync(token);
            await destination.WriteAsync(rows.ToArray(), token);
            await destination.CommitAsync(token);
            await destination.CompleteAsync(token);
        }
    }
}
