using System.Diagnostics;
using System.Text;
using AiEtl.Csv;
using AiEtl.Engine;
using AiEtl.Files;
using AiEtl.Json;
using AiEtl.Memory;

namespace AiEtl.Tests.Files;

/// <summary>
/// Gzip, zstd and bzip2 output compressed batch by batch on the thread pool, each batch a unit of its own
/// (gzip member, zstd frame, bzip2 stream): the units concatenate into one file that our readers and the
/// real tools read whole, with the same bytes as the uncompressed output.
/// </summary>
public sealed class ConcatenatedCompressionTests : IDisposable
{
    private const int BatchSize = 7;
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-units-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { "csv", "jsonl", "json" })
        {
            foreach (var compression in new[] { ".gz", ".zst", ".bz2" })
            {
                data.Add(format, compression);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Batches_compressed_apart_come_back_value_by_value_and_byte_for_byte(string format, string compression)
    {
        var rows = FileTestData.Rows(250);
        var path = Path.Combine(_directory, $"rows.{format}{compression}");
        var plainPath = Path.Combine(_directory, $"plain.{format}");

        var written = await WriteAsync(Destination(path, format, FileWriteMode.Overwrite), rows, commitEvery: 3);
        var plain = await WriteAsync(Destination(plainPath, format, FileWriteMode.Overwrite), rows, commitEvery: 3);

        Assert.True(written.Success, FileTestData.Describe(written));
        Assert.True(plain.Success, FileTestData.Describe(plain));
        var (read, back) = await FileTestData.ReadAsync(Source(path, format));
        Assert.True(read.Success, FileTestData.Describe(read));
        FileTestData.AssertSame(rows, back);

        // One unit per batch (plus the header or the brackets, plus the comma units of a JSON array), not one stream.
        var batches = (rows.Count + BatchSize - 1) / BatchSize;
        var expected = format switch
        {
            "csv" => batches + 1,
            "json" => batches + 2 + (batches - 1),
            _ => batches,
        };
        Assert.Equal(expected, CountUnits(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)));

        var plainBytes = await File.ReadAllBytesAsync(plainPath, TestContext.Current.CancellationToken);
        Assert.Equal(plainBytes, Decompress(path));
        Assert.Equal(plainBytes, await ToolDecompressAsync(path) ?? plainBytes);
        Assert.Empty(Directory.GetFiles(_directory, "*.aietl-tmp"));
    }

    [Theory]
    [InlineData("csv", ".gz")]
    [InlineData("csv", ".zst")]
    [InlineData("csv", ".bz2")]
    [InlineData("jsonl", ".gz")]
    [InlineData("jsonl", ".zst")]
    [InlineData("jsonl", ".bz2")]
    public async Task Appended_runs_add_units_after_the_old_ones(string format, string compression)
    {
        var path = Path.Combine(_directory, $"log.{format}{compression}");
        var first = FileTestData.Rows(40);
        var second = FileTestData.Rows(30, firstId: 100);

        Assert.True((await WriteAsync(Destination(path, format, FileWriteMode.Append), first, commitEvery: 2)).Success);
        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.True((await WriteAsync(Destination(path, format, FileWriteMode.Append), second, commitEvery: 2)).Success);
        var after = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        // The old units stay as they were, byte for byte.
        Assert.Equal(before, after[..before.Length]);
        var (read, back) = await FileTestData.ReadAsync(Source(path, format));
        Assert.True(read.Success, FileTestData.Describe(read));
        FileTestData.AssertSame([.. first, .. second], back);
        var text = Encoding.UTF8.GetString(Decompress(path));
        Assert.Equal(format == "csv" ? 1 : 0, CountOccurrences(text, "id,name,"));
        if (await ToolDecompressAsync(path) is { } fromTool)
        {
            Assert.Equal(text, Encoding.UTF8.GetString(fromTool));
        }
    }

    [Theory]
    [InlineData("gzip", ".gz")]
    [InlineData("zstd", ".zst")]
    [InlineData("bzip2", ".bz2")]
    public async Task Files_the_tool_made_of_several_units_are_read_whole(string tool, string extension)
    {
        if (!File.Exists($"/usr/bin/{tool}"))
        {
            Assert.Skip($"{tool} is not installed");
        }

        // Three units written by the tool one after the other (as `tool -c part >> file` does).
        var path = Path.Combine(_directory, $"people.csv{extension}");
        var parts = new[] { "id,name,age,born,balance\n", "1,a,,2000-01-01,1.5\n", "2,\"b,c\",3,2000-01-02,2\n" };
        await using (var file = File.Create(path))
        {
            foreach (var part in parts)
            {
                var partPath = Path.Combine(_directory, "part.csv");
                await File.WriteAllTextAsync(partPath, part, TestContext.Current.CancellationToken);
                file.Write(await RunToolAsync(tool, "-c", partPath));
            }
        }

        var rows = new ListDestination<Person>();
        var run = await EtlPipeline.Create<Person>("units").From(new CsvSource<Person>(path)).To(rows).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(run.Success, FileTestData.Describe(run));
        Assert.Equal([new Person(1, "a", null, new DateOnly(2000, 1, 1), 1.5m), new Person(2, "b,c", 3, new DateOnly(2000, 1, 2), 2m)], rows.Committed);
    }

    [Theory]
    [InlineData(FileCompression.Gzip)]
    [InlineData(FileCompression.Zstd)]
    [InlineData(FileCompression.Bzip2)]
    public void Many_units_read_back_as_one_stream_across_read_buffer_boundaries(FileCompression compression)
    {
        // Units of varied sizes, so that unit boundaries fall anywhere in the readers' buffers.
        var random = new Random(7);
        var expected = new MemoryStream();
        var file = new System.Buffers.ArrayBufferWriter<byte>();
        for (var i = 0; i < 300; i++)
        {
            var unit = new byte[random.Next(0, 5000)];
            for (var j = 0; j < unit.Length; j++)
            {
                unit[j] = (byte)('a' + random.Next(0, i % 5 == 0 ? 26 : 3));
            }

            expected.Write(unit);
            FileCompressions.CompressUnit(unit, compression, file);
        }

        using var reader = FileCompressions.OpenRead(new MemoryStream(file.WrittenSpan.ToArray()), compression, "units");
        var actual = new MemoryStream();
        reader.CopyTo(actual, 1000);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Theory]
    [InlineData("csv", ".gz", "id,name,")]
    [InlineData("jsonl", ".zst", "")]
    [InlineData("json", ".bz2", "[]\n")]
    public async Task A_run_without_rows_makes_a_valid_compressed_file(string format, string compression, string content)
    {
        var path = Path.Combine(_directory, $"empty.{format}{compression}");

        var written = await WriteAsync(Destination(path, format, FileWriteMode.Overwrite), [], commitEvery: 1);

        Assert.True(written.Success, FileTestData.Describe(written));
        Assert.True(new FileInfo(path).Length > 0);
        Assert.StartsWith(content, Encoding.UTF8.GetString(Decompress(path)), StringComparison.Ordinal);
        if (await ToolDecompressAsync(path) is { } fromTool)
        {
            Assert.StartsWith(content, Encoding.UTF8.GetString(fromTool), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(".gz")]
    [InlineData(".zst")]
    public async Task Rows_written_directly_and_rolled_back_batches_keep_the_file_whole(string compression)
    {
        // The destination driven by hand: a direct WriteAsync (a unit made on the load thread), an encoded batch, a rolled back one.
        var path = Path.Combine(_directory, $"direct.jsonl{compression}");
        var rows = FileTestData.Rows(30);
        var destination = (JsonDestination<FileRow>)Destination(path, "jsonl", FileWriteMode.Overwrite);
        var token = TestContext.Current.CancellationToken;
        await destination.ConnectAsync(token);
        await destination.CreateSchemaAsync(FileRow.Schema, token);

        await destination.BeginTransactionAsync(token);
        await destination.WriteAsync(rows.Take(10).ToArray(), token);
        using (var encoded = destination.Encode(rows.Skip(10).Take(10).ToArray()))
        {
            await destination.WriteEncodedAsync(encoded, token);
        }

        await destination.CommitAsync(token);
        await destination.BeginTransactionAsync(token);
        using (var dropped = destination.Encode(rows.Skip(20).ToArray()))
        {
            await destination.WriteEncodedAsync(dropped, token);
        }

        await destination.RollbackAsync(token);
        await destination.CompleteAsync(token);
        await destination.CloseAsync(token);

        var (read, back) = await FileTestData.ReadAsync(Source(path, "jsonl"));
        Assert.True(read.Success, FileTestData.Describe(read));
        FileTestData.AssertSame(rows[..20], back);
    }

    [Fact]
    public async Task A_first_batch_of_a_json_array_goes_without_its_comma()
    {
        var path = Path.Combine(_directory, "array.json.gz");
        var rows = FileTestData.Rows(3);

        Assert.True((await WriteAsync(Destination(path, "json", FileWriteMode.Overwrite), rows, commitEvery: 1)).Success);

        var text = Encoding.UTF8.GetString(Decompress(path));
        Assert.StartsWith("[{\"id\":1,", text, StringComparison.Ordinal);
        Assert.EndsWith("}]\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_utf8_encoding_keeps_one_compressed_stream()
    {
        // Transcoded at the flush, after formatting: the serial path, one gzip member for the whole file.
        var path = Path.Combine(_directory, "latin1.csv.gz");
        var options = new CsvDestinationOptions(path) { NewLine = "\n", Encoding = Encoding.Latin1 };
        var people = Enumerable.Range(1, 30).Select(i => new Person(i, $"Zoë {i}", i, new DateOnly(2000, 1, 1), i)).ToList();

        var written = await EtlPipeline.Create<Person>("latin1")
            .From(new EnumerableSource<Person>(people))
            .To(new CsvDestination<Person>(options))
            .WithOptions(new PipelineOptions { BatchSize = BatchSize, CommitEvery = 2 })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(written.Success, FileTestData.Describe(written));
        Assert.Equal(1, CountUnits(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)));
        var rows = new ListDestination<Person>();
        var read = await EtlPipeline.Create<Person>("latin1")
            .From(new CsvSource<Person>(new CsvSourceOptions(path) { Encoding = Encoding.Latin1 }))
            .To(rows)
            .RunAsync(TestContext.Current.CancellationToken);
        Assert.True(read.Success, FileTestData.Describe(read));
        Assert.Equal(people, rows.Committed);
    }

    [Fact]
    public void Compressor_threads_run_the_work_and_pass_its_error_back()
    {
        string? name = null;
        CompressorThreads.Run(() => name = Thread.CurrentThread.Name);
        var error = Assert.Throws<InvalidDataException>(() => CompressorThreads.Run(() => throw new InvalidDataException("broken")));

        Assert.Equal("AiEtl compressor", name);
        Assert.Equal("broken", error.Message);
    }

    private static IDestination<FileRow> Destination(string path, string format, FileWriteMode mode) => format == "csv"
        ? new CsvDestination<FileRow>(new CsvDestinationOptions(path) { Mode = mode, NewLine = "\n" })
        : new JsonDestination<FileRow>(new JsonDestinationOptions(path) { Mode = mode });

    private static ISource<FileRow> Source(string path, string format) => format == "csv" ? new CsvSource<FileRow>(path) : new JsonSource<FileRow>(path);

    private static async Task<PipelineResult> WriteAsync(IDestination<FileRow> destination, IEnumerable<FileRow> rows, int commitEvery) =>
        await EtlPipeline.Create<FileRow>("units")
            .From(new EnumerableSource<FileRow>(rows))
            .To(destination)
            .WithOptions(new PipelineOptions { BatchSize = BatchSize, CommitEvery = commitEvery })
            .RunAsync(TestContext.Current.CancellationToken);

    private static byte[] Decompress(string path)
    {
        using var reader = FileCompressions.OpenRead(File.OpenRead(path), FileCompressions.FromPath(path), path);
        var bytes = new MemoryStream();
        reader.CopyTo(bytes);
        return bytes.ToArray();
    }

    // The decompressed bytes from the real tool (`gzip -dc` ...), or null when it is not installed.
    private static async Task<byte[]?> ToolDecompressAsync(string path)
    {
        var tool = FileCompressions.FromPath(path) switch
        {
            FileCompression.Gzip => "gzip",
            FileCompression.Zstd => "zstd",
            FileCompression.Bzip2 => "bzip2",
            var other => throw new ArgumentException($"no tool for {other}", nameof(path)),
        };
        return File.Exists($"/usr/bin/{tool}") ? await RunToolAsync(tool, "-dc", path) : null;
    }

    private static async Task<byte[]> RunToolAsync(string tool, string flag, string path)
    {
        var start = new ProcessStartInfo($"/usr/bin/{tool}", [flag, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.BaseStream.CopyToAsync(output, TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} {flag} {path} exited with {process.ExitCode}: {await errors}");
        return output.ToArray();
    }

    // Units start with the same magic bytes as the file (gzip 1f 8b 08, zstd 28 b5 2f fd, bzip2 "BZh9"); compressed data never repeats 4 of them here.
    private static int CountUnits(byte[] file)
    {
        var magic = file.AsSpan(0, 4);
        var count = 0;
        for (var at = file.AsSpan(); at.IndexOf(magic) is var i and >= 0; at = at[(i + 1)..])
        {
            count++;
        }

        return count;
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
