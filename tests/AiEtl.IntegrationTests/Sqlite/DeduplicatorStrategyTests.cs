using AiEtl.Csv;
using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;

namespace AiEtl.IntegrationTests.Sqlite;

[EtlRecord("accounts")]
public partial record struct Account([property: PrimaryKey] int Id, string Name, int Version);

/// <summary>
/// The deduplicator's strategies into a real SQLite file: keep_last keeps the last row of each key within a batch
/// and, through the destination's merge, across batches; a run that cannot keep that promise is refused; the
/// keep_first memory bound fails the run instead of letting duplicates through; key_fields on dynamic rows.
/// </summary>
public sealed class DeduplicatorStrategyTests : IDisposable
{
    // Batches of 3: id 1 appears in batches 1, 2 and 4, id 2 twice inside batch 1, id 3 in batches 2 and 3.
    private const string Csv = "id,name,version\n1,a,1\n2,b,1\n2,b,2\n1,a,2\n3,c,1\n4,d,1\n3,c,2\n5,e,1\n6,f,1\n1,a,3\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-dedupe-").FullName;

    public DeduplicatorStrategyTests()
    {
        File.WriteAllText(Input, Csv);
    }

    private string Input => Path.Combine(_directory, "accounts.csv");

    private string DatabasePath => Path.Combine(_directory, "accounts.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Keep_last_keeps_the_last_row_of_each_key_within_and_across_batches()
    {
        var deduplicator = new Deduplicator<Account, int>(a => a.Id, new DeduplicatorOptions { Strategy = DuplicateStrategy.KeepLast, KeyFields = ["id"] });

        var result = await RunAsync(new CsvSource<Account>(Input), deduplicator, new SqliteDestination<Account>(new SqliteDestinationOptions(DatabasePath) { WriteMode = WriteMode.Merge }));

        Assert.True(result.Success, result.Describe());
        Assert.Equal(["1:3", "2:2", "3:2", "4:1", "5:1", "6:1"], Rows());
        Assert.Equal(1, deduplicator.Stats.RecordsFiltered);
        Assert.Equal(0, deduplicator.KeyCount);
    }

    [Fact]
    public async Task Keep_last_on_dynamic_rows_uses_the_key_fields_the_same_way()
    {
        var codec = new RecordCodec(Account.Schema, new RecordMetadata("csv", Input));
        var source = new CsvSource<Record, RecordCodec>(new CsvSourceOptions(Input), codec);
        var destination = new SqliteDestination<Record, RecordCodec>(new SqliteDestinationOptions(DatabasePath) { WriteMode = WriteMode.Merge }, codec);

        var result = await RunAsync(source, new RecordDeduplicator(["id"], new DeduplicatorOptions { Strategy = DuplicateStrategy.KeepLast }), destination);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(["1:3", "2:2", "3:2", "4:1", "5:1", "6:1"], Rows());
    }

    [Fact]
    public async Task Keep_last_without_a_merging_destination_is_refused_before_a_row_is_read()
    {
        var deduplicator = new Deduplicator<Account, int>(a => a.Id, new DeduplicatorOptions { Strategy = DuplicateStrategy.KeepLast });

        var result = await RunAsync(new CsvSource<Account>(Input), deduplicator, new SqliteDestination<Account>(new SqliteDestinationOptions(DatabasePath)));

        Assert.False(result.Success);
        Assert.Contains("deduplicator: keep_last keeps the last row of each key across batches through the destination's merge", result.Errors.Last().Message, StringComparison.Ordinal);
        Assert.Equal(0, result.RecordsExtracted);
    }

    [Fact]
    public async Task Keep_last_on_other_fields_than_the_primary_key_is_refused()
    {
        var deduplicator = new RecordDeduplicator(["name", "version"], new DeduplicatorOptions { Strategy = DuplicateStrategy.KeepLast });
        var codec = new RecordCodec(Account.Schema, new RecordMetadata("csv", Input));

        var result = await RunAsync(new CsvSource<Record, RecordCodec>(new CsvSourceOptions(Input), codec), deduplicator, new SqliteDestination<Record, RecordCodec>(new SqliteDestinationOptions(DatabasePath) { WriteMode = WriteMode.Merge }, codec));

        Assert.False(result.Success);
        Assert.Contains("keep_last on (name, version) needs the destination to merge on the same key, and its primary key is (id)", result.Errors.Last().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_first_past_its_bound_on_keys_fails_the_run_saying_so()
    {
        var deduplicator = new Deduplicator<Account, int>(a => a.Id, new DeduplicatorOptions { MaxKeys = 4 });

        var result = await RunAsync(new CsvSource<Account>(Input), deduplicator, new SqliteDestination<Account>(new SqliteDestinationOptions(DatabasePath)));

        Assert.False(result.Success);
        Assert.Contains("the input has more than 4 distinct keys", result.Errors.Last().Message, StringComparison.Ordinal);
        Assert.Equal(0, result.RecordsFailed);
    }

    [Fact]
    public async Task Keep_first_on_two_key_fields_of_dynamic_rows_keeps_the_first_of_each_pair()
    {
        var codec = new RecordCodec(Account.Schema, new RecordMetadata("csv", Input));
        var deduplicator = new RecordDeduplicator(["name", "version"]);

        var result = await RunAsync(new CsvSource<Record, RecordCodec>(new CsvSourceOptions(Input), codec), deduplicator, new SqliteDestination<Record, RecordCodec>(new SqliteDestinationOptions(DatabasePath) { Table = "pairs", WriteMode = WriteMode.Merge }, codec));

        Assert.True(result.Success, result.Describe());
        Assert.Equal(0, deduplicator.Stats.RecordsFiltered);
        Assert.Equal(10, deduplicator.KeyCount);
        Assert.Throws<PipelineConfigurationException>(() => new RecordDeduplicator([]));
    }

    private static Task<PipelineResult> RunAsync<T>(ISource<T> source, Transform<T> transform, IDestination<T> destination) =>
        EtlPipeline.Create<T>("dedupe").From(source).Transform(transform).To(destination)
            .WithOptions(new PipelineOptions { BatchSize = 3 })
            .RunAsync(TestContext.Current.CancellationToken);

    private List<string> Rows()
    {
        using var connection = SqliteTestFile.Open(DatabasePath);
        return SqliteTestFile.Strings(connection, "SELECT id || ':' || version FROM accounts ORDER BY id");
    }
}
