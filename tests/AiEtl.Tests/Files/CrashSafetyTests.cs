
namespace AiEtl.Tests.Files;

/// <summary>A real write process killed after it committed batches but before the run completed.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-crash-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("csv", "out.csv", "replace")]
    [InlineData("csv", "out.csv.gz", "append")]
    [InlineData("json", "out.jsonl", "append")]
    [InlineData("json", "new.json", "replace")]
    public async Task A_killed_writer_leaves_the_previous_target_intact(string format, string name, string mode)
    {
        var target = Path.Combine(_directory, name);
        var existed = !name.StartsWith("new", StringComparison.Ordinal);
        // An appended CSV must have the rows' header (the crash writer's id,text), compressed or not: it is read to check.
        var previous = name.EndsWith(".gz", StringComparison.Ordinal) ? Gzip("id,text\r\n0,previous\r\n"u8) : "previous content\n"u8.ToArray();
        if (existed)
        {
            await File.WriteAllBytesAsync(target, previous, TestContext.Current.CancellationToken);
        }

        using var writer = CrashWriterProcess.Start(format, target, mode);
        var said = await writer.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal("committed", said);
        var temps = Directory.GetFiles(_directory, "*.aietl-tmp");
        Assert.True(temps.Length == 1 && new FileInfo(temps[0]).Length > 1000, "the writer should have committed batches into its temp file");

        writer.Kill(entireProcessTree: true);
        await writer.WaitForExitAsync(TestContext.Current.CancellationToken);

        if (existed)
        {
            Assert.Equal(previous, await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken));
        }
        else
        {
            Assert.False(File.Exists(target));
        }

        // The next run removes the dead temp file before it starts its own.
        await using (var next = new AiEtl.Csv.CsvDestination<Person>(target))
        {
            await next.ConnectAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain(temps[0], Directory.GetFiles(_directory, "*.aietl-tmp"));
        }

        Assert.Empty(Directory.GetFiles(_directory, "*.aietl-tmp"));
    }

    private static byte[] Gzip(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
