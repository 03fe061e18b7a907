using System.Text;
using AiEtl.Csv;

namespace AiEtl.Tests.Csv;

/// <summary>Incremental CSV reading: appended rows only, rewritten files detected, globs in order.</summary>
public sealed class CsvIncrementalTests : IDisposable
{
    private const string Header = "id,name,age,born,balance\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-incr-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Appended_rows_only_arrive_and_the_state_keeps_hash_and_modification_time()
    {
        var path = Write("grow.csv", Header + Rows(1, 3));
        var options = Options();

        var (first, firstRows) = await RunAsync(path, options);
        File.AppendAllText(path, Rows(4, 2));
        var (second, secondRows) = await RunAsync(path, options);
        var (third, thirdRows) = await RunAsync(path, options);

        Assert.True(first.Success && second.Success && third.Success);
        Assert.Equal([1, 2, 3], firstRows.Select(r => r.Id));
        Assert.Equal([4, 5], secondRows.Select(r => r.Id));
        Assert.Empty(thirdRows);
        var state = third.FinalState!;
        Assert.Matches("^xxh128:[0-9a-f]{32}$", state.FileHash);
        Assert.Equal(new FileInfo(path).Length, state.Checkpoint.CustomState["byte_offset"].GetInt64());
        Assert.Equal(File.GetLastWriteTimeUtc(path), state.LastModified!.Value.UtcDateTime);
        Assert.Equal(5, state.RecordsProcessed);
    }

    [Fact]
    public async Task A_rewritten_file_is_reported_and_read_again_only_with_a_full_refresh()
    {
        var path = Write("rewrite.csv", Header + Rows(1, 3));
        var options = Options();
        await RunAsync(path, options);

        // Same length and more: a length check alone would miss it.
        File.WriteAllText(path, Header + Rows(1, 3).Replace("n2", "X2", StringComparison.Ordinal) + Rows(4, 1));
        var (rewritten, rows) = await RunAsync(path, options);
        var (refreshed, all) = await RunAsync(path, options with { FullRefresh = true });

        Assert.False(rewritten.Success);
        Assert.Empty(rows);
        var error = Assert.Single(rewritten.Errors);
        Assert.Equal(nameof(StateException), error.ErrorType);
        Assert.Contains("rewrite.csv: the file was rewritten since the last run", error.Message, StringComparison.Ordinal);
        Assert.Contains("full refresh", error.Message, StringComparison.Ordinal);
        Assert.True(refreshed.Success);
        Assert.Equal([1, 2, 3, 4], all.Select(r => r.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_input_is_hashed_only_for_a_pipeline_that_keeps_state(bool keepsState)
    {
        var path = Write("nostate.csv", Header + Rows(1, 3));
        SourceState? last = null;

        await foreach (var batch in new CsvSource<Person>(path).ReadAsync(new ReadContext(2, new ThrowingSink()) { KeepsState = keepsState }, TestContext.Current.CancellationToken))
        {
            last = batch.StateAfter;
        }

        Assert.Equal(new FileInfo(path).Length, last!.Checkpoint.CustomState["byte_offset"].GetInt64());
        Assert.Equal(keepsState, last.FileHash is not null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_state_saved_with_a_sha256_hash_by_an_earlier_version_is_still_checked(bool rewrite)
    {
        var path = Write("legacy.csv", Header + Rows(1, 3));
        var options = Options();
        var (first, _) = await RunAsync(path, options);
        var states = options.State!;
        var saved = first.FinalState!;
        var offset = saved.Checkpoint.CustomState["byte_offset"].GetInt64();
        var prefix = File.ReadAllBytes(path).AsSpan(0, (int)offset);
        states.SaveState("incremental", Path.GetFullPath(path), saved with { FileHash = $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(prefix))}" });

        if (rewrite)
        {
            File.WriteAllText(path, Header + Rows(1, 3).Replace("n2", "X2", StringComparison.Ordinal));
        }

        File.AppendAllText(path, Rows(4, 1));
        var (second, rows) = await RunAsync(path, options);

        Assert.Equal(!rewrite, second.Success);
        Assert.Equal(rewrite ? [] : [4], rows.Select(r => r.Id));
        if (rewrite)
        {
            Assert.Contains("the file was rewritten since the last run", Assert.Single(second.Errors).Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches("^xxh128:[0-9a-f]{32}$", second.FinalState!.FileHash);
        }
    }

    [Theory]
    [InlineData("grow.csv.gz", FileCompression.Gzip)]
    [InlineData("grow.csv.zst", FileCompression.Zstd)]
    [InlineData("grow.csv.bz2", FileCompression.Bzip2)]
    public async Task A_compressed_file_grown_by_a_new_member_is_read_from_where_the_last_run_stopped(string name, FileCompression compression)
    {
        var path = Path.Combine(_directory, name);
        AppendCompressed(path, compression, Header + Rows(1, 3));
        var options = Options();

        var (first, firstRows) = await RunAsync(path, options);
        AppendCompressed(path, compression, Rows(4, 2));
        var (second, secondRows) = await RunAsync(path, options);
        var (third, thirdRows) = await RunAsync(path, options);

        Assert.True(first.Success && second.Success && third.Success, string.Join("; ", second.Errors.Concat(third.Errors).Select(e => e.Message)));
        Assert.Equal([1, 2, 3], firstRows.Select(r => r.Id));
        Assert.Equal([4, 5], secondRows.Select(r => r.Id));
        Assert.Empty(thirdRows);
        Assert.Equal(Encoding.UTF8.GetByteCount(Header + Rows(1, 5)), third.FinalState!.Checkpoint.CustomState["byte_offset"].GetInt64());
        Assert.Equal(7, third.FinalState.Checkpoint.CustomState["line"].GetInt64());
    }

    [Fact]
    public async Task A_rewritten_compressed_file_is_reported()
    {
        var path = Path.Combine(_directory, "rewrite.csv.gz");
        AppendCompressed(path, FileCompression.Gzip, Header + Rows(1, 3));
        var options = Options();
        await RunAsync(path, options);

        File.Delete(path);
        AppendCompressed(path, FileCompression.Gzip, Header + Rows(1, 3).Replace("n2", "X2", StringComparison.Ordinal) + Rows(4, 1));
        var (rewritten, rows) = await RunAsync(path, options);

        Assert.False(rewritten.Success);
        Assert.Empty(rows);
        Assert.Contains("the file was rewritten since the last run", Assert.Single(rewritten.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compressed_file_shorter_than_the_checkpoint_is_reported_as_truncated()
    {
        var path = Path.Combine(_directory, "short.csv.gz");
        AppendCompressed(path, FileCompression.Gzip, Header + Rows(1, 3));
        var options = Options();
        await RunAsync(path, options);

        File.Delete(path);
        AppendCompressed(path, FileCompression.Gzip, Header + Rows(1, 1));
        var (truncated, _) = await RunAsync(path, options);

        Assert.False(truncated.Success);
        Assert.Contains("it was truncated or replaced", Assert.Single(truncated.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_glob_reads_its_files_in_order_and_a_rerun_reads_only_new_files_and_rows()
    {
        Write("in/b.csv", Header + Rows(3, 2));
        Write("in/a.csv", Header + Rows(1, 2));
        Write("in/skip.txt", "not csv");
        var pattern = Path.Combine(_directory, "in", "*.csv");
        var options = Options();

        var (first, firstRows) = await RunAsync(pattern, options);
        File.AppendAllText(Path.Combine(_directory, "in", "b.csv"), Rows(5, 1));
        Write("in/c.csv", Header + Rows(6, 1));
        var (second, secondRows) = await RunAsync(pattern, options);

        Assert.True(first.Success && second.Success);
        Assert.Equal([1, 2, 3, 4], firstRows.Select(r => r.Id));
        Assert.Equal([5, 6], secondRows.Select(r => r.Id));
    }

    [Fact]
    public async Task Trimming_null_tokens_and_escape_mode_are_options()
    {
        var path = Write("dialect.csv", "id|name|age|born|balance\n 1 | a\\|b |NULL| 2000-01-01 |1\n");
        var options = new CsvSourceOptions(path) { Delimiter = '|', TrimWhitespace = true, NullValues = ["NULL"], Escape = '\\' };

        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>("dialect").From(new CsvSource<Person>(options)).To(destination).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(new Person(1, "a|b", null, new DateOnly(2000, 1, 1), 1m), Assert.Single(destination.Committed));
    }

    private PipelineOptions Options() => new() { State = new StateManager(Path.Combine(_directory, ".state")), BatchSize = 2 };

    private static string Rows(int first, int count) => string.Concat(Enumerable.Range(first, count).Select(i => $"{i},n{i},{i},2000-01-01,{i}\n"));

    private async Task<(PipelineResult Result, List<Person> Rows)> RunAsync(string path, PipelineOptions options)
    {
        var destination = new RecordingDestination<Person>();
        var result = await EtlPipeline.Create<Person>("incremental")
            .From(new CsvSource<Person>(path))
            .To(destination)
            .WithOptions(options)
            .RunAsync(TestContext.Current.CancellationToken);
        return (result, destination.Committed);
    }

    // Adds a compressed unit (gzip member, zstd frame, bzip2 stream) to the end of the file, as `gzip -c part >> file` does.
    private static void AppendCompressed(string path, FileCompression compression, string content)
    {
        using var file = new FileStream(path, FileMode.Append);
        using var sink = FileCompressions.OpenWrite(file, compression, System.IO.Compression.CompressionLevel.Fastest, Path.GetFileNameWithoutExtension(path));
        sink.Stream.Write(Encoding.UTF8.GetBytes(content));
        sink.Finish();
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private sealed class ThrowingSink : IRowErrorSink
    {
        public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken = default) => throw new InvalidOperationException(error.Message);
    }
}
