using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Files;

public sealed class RoundTripTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string, WriteMode> Cases()
    {
        var data = new TheoryData<string, string, WriteMode>();
        foreach (var format in new[] { "csv", "json", "jsonl" })
        {
            foreach (var compression in new[] { "", ".gz", ".zip", ".bz2", ".zst" })
            {
                foreach (var mode in new[] { WriteMode.Replace, WriteMode.Append })
                {
                    var refused = mode == WriteMode.Append && (compression == ".zip" || (format == "json" && compression != ""));
                    if (!refused)
                    {
                        data.Add(format, compression, mode);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Typed_rows_come_back_value_by_value(string format, string compression, WriteMode mode)
    {
        var path = Path.Combine(_directory, $"rows.{format}{compression}");
        var first = FileTestData.Rows(23);
        var second = FileTestData.Rows(12, firstId: 100);

        var written = await FileTestData.WriteAsync(Destination(path, format, mode), first);
        if (mode == WriteMode.Append)
        {
            written = await FileTestData.WriteAsync(Destination(path, format, mode), second);
        }

        Assert.True(written.Success, written.Describe());
        var (read, rows) = await FileTestData.ReadAsync(format == "csv" ? new CsvSource<FileRow>(path) : new JsonSource<FileRow>(path));
        Assert.True(read.Success, read.Describe());
        FileTestData.AssertSame(mode == WriteMode.Append ? [.. first, .. second] : first, rows);
        Assert.Empty(Directory.GetFiles(_directory, "*.aietl-tmp"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Dynamic_records_carry_the_same_values_both_ways(string format, string compression, WriteMode mode)
    {
        var typedPath = Path.Combine(_directory, $"typed.{format}{compression}");
        var dynamicPath = Path.Combine(_directory, $"dynamic.{format}{compression}");
        var rows = FileTestData.Rows(31);
        var codec = new RecordCodec(FileRow.Schema, new RecordMetadata(format, typedPath));
        Assert.True((await FileTestData.WriteAsync(Destination(typedPath, format, WriteMode.Replace), rows)).Success);

        var records = new RecordingDestination<Record>();
        ISource<Record> dynamicSource = format == "csv"
            ? new CsvSource<Record, RecordCodec>(new CsvSourceOptions(typedPath), codec)
            : new JsonSource<Record, RecordCodec>(new JsonSourceOptions(typedPath), codec);
        var readDynamic = await EtlPipeline.Create<Record>("dyn-read").From(dynamicSource).To(records).RunAsync(TestContext.Current.CancellationToken);
        Assert.True(readDynamic.Success, readDynamic.Describe());
        Assert.Equal(rows.Count, records.Committed.Count);
        Assert.Equal(rows[4].Big, records.Committed[4].Data["big"]);
        Assert.Equal(rows[4].Day, records.Committed[4].Data["day"]);

        // Appending writes the records in two runs; overwriting in one.
        var parts = mode == WriteMode.Append ? [records.Committed[..10], records.Committed[10..]] : new[] { records.Committed };
        foreach (var part in parts)
        {
            IDestination<Record> dynamicDestination = format == "csv"
                ? new CsvDestination<Record, RecordCodec>(new CsvDestinationOptions(dynamicPath) { WriteMode = mode }, codec)
                : new JsonDestination<Record, RecordCodec>(new JsonDestinationOptions(dynamicPath) { WriteMode = mode }, codec);
            var writeDynamic = await EtlPipeline.Create<Record>("dyn-write")
                .From(new ListSource<Record>(part))
                .To(dynamicDestination)
                .RunAsync(TestContext.Current.CancellationToken);
            Assert.True(writeDynamic.Success, writeDynamic.Describe());
        }

        var (read, back) = await FileTestData.ReadAsync(format == "csv" ? new CsvSource<FileRow>(dynamicPath) : new JsonSource<FileRow>(dynamicPath));
        Assert.True(read.Success, read.Describe());
        FileTestData.AssertSame(rows, back);
    }

    private static IDestination<FileRow> Destination(string path, string format, WriteMode mode) => format == "csv"
        ? new CsvDestination<FileRow>(new CsvDestinationOptions(path) { WriteMode = mode })
        : new JsonDestination<FileRow>(new JsonDestinationOptions(path) { WriteMode = mode, Pretty = format == "json" && mode == WriteMode.Replace });
}
