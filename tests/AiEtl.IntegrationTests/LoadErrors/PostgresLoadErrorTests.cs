using AiEtl.Csv;
using AiEtl.IntegrationTests.Postgres;
using AiEtl.Postgres;

namespace AiEtl.IntegrationTests.LoadErrors;

/// <summary>
/// Rows the real PostgreSQL server rejects in a binary COPY (a duplicate key, a CHECK, a NOT NULL column, a
/// value too long for varchar(10)): skipped into the dead-letter file with their source line, key and the
/// server's reason, or stopping the run with the same details; and a merge's inserted and updated rows counted apart.
/// </summary>
public sealed class PostgresLoadErrorTests : IAsyncDisposable, IDisposable
{
    private static readonly string[] Reasons =
    [
        "duplicate key value violates unique constraint \"customers_pkey\"",
        "violates check constraint \"age_not_negative\"",
        "null value in column \"name\" of relation \"customers\" violates not-null constraint",
        "value too long for type character varying(10)",
    ];

    private readonly PostgresTestDatabase _db = new("loaderr");
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-pg-load-errors-").FullName;

    private string DeadLetterPath => Path.Combine(_directory, "dlq.jsonl");

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(false, 3, 2)]
    [InlineData(true, 3, 2)]
    [InlineData(false, 100, 1)]
    [InlineData(true, 100, 1)]
    public async Task Skip_loads_every_good_row_and_dead_letters_each_rejected_one_with_its_line_key_and_reason(bool dynamic, int batchSize, int commitEvery)
    {
        var input = Input();
        CreateStrictTable();

        var result = await RunAsync(dynamic, input, ErrorAction.Skip, WriteMode.Append, batchSize, commitEvery);

        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        Assert.Equal(LoadErrorInput.GoodRows, Stored());
        Assert.Equal((8, 4, 4, 4, 0), (result.RecordsExtracted, result.RecordsLoaded, result.RecordsFailed, result.RecordsInserted, result.RecordsUpdated));
        LoadErrorInput.AssertRejected(DeadLetterPath, input, Reasons);
        Assert.All(LoadErrorInput.Read(DeadLetterPath), e => Assert.DoesNotContain("COPY", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fail_stops_the_run_at_the_first_rejected_row_named_by_its_source_line_and_key(bool dynamic)
    {
        var input = Input();
        CreateStrictTable();

        var result = await RunAsync(dynamic, input, ErrorAction.Fail, WriteMode.Append, batchSize: 3, commitEvery: 2);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(DataRejectedException), error.ErrorType);
        Assert.Equal((4L, 3L), (error.Location?.Line, error.Location?.Row));
        Assert.Contains("customers.csv(4) row 3: the row with id=1 was rejected", error.Message, StringComparison.Ordinal);
        Assert.Contains(Reasons[0], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("COPY", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.RecordsLoaded);
        Assert.Empty(Stored());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_merge_counts_inserted_and_updated_rows_apart_and_skips_a_rejected_one(bool dynamic)
    {
        CreateStrictTable();
        Assert.True((await RunAsync(dynamic, Input("1,Ann,30\n2,Bob,40\n"), ErrorAction.Fail, WriteMode.Merge, batchSize: 10, commitEvery: 1)).Success);

        // 2 updates Bob, 3 is new, 4 is new, 3 again updates the 3 of this run, 9 breaks the CHECK.
        var merge = Input("2,Robert,41\n3,Cat,5\n4,Dan,7\n3,Catherine,6\n9,Bad,-1\n", "merge.csv");
        var result = await RunAsync(dynamic, merge, ErrorAction.Skip, WriteMode.Merge, batchSize: 2, commitEvery: 2);

        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        Assert.Equal((4, 2, 2, 1), (result.RecordsLoaded, result.RecordsInserted, result.RecordsUpdated, result.RecordsFailed));
        Assert.Equal(["1 Ann 30", "2 Robert 41", "3 Catherine 6", "4 Dan 7"], Stored());
        var rejected = Assert.Single(LoadErrorInput.Read(DeadLetterPath));
        Assert.Equal(("id=9", 6L), (rejected.RecordId, rejected.Line));
        Assert.Contains(Reasons[1], rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_whose_rejected_row_shares_a_transaction_with_good_ones_keeps_the_good_ones_and_their_counts()
    {
        CreateStrictTable();
        Assert.True((await RunAsync(false, Input("1,Ann,30\n"), ErrorAction.Fail, WriteMode.Merge, batchSize: 10, commitEvery: 1)).Success);

        var result = await RunAsync(false, Input("1,Anna,31\n2,Bob,-2\n3,Cat,5\n", "merge.csv"), ErrorAction.Skip, WriteMode.Merge, batchSize: 10, commitEvery: 1);

        Assert.True(result.Success, PostgresDestinationTests.Errors(result));
        Assert.Equal((2, 1, 1, 1), (result.RecordsLoaded, result.RecordsInserted, result.RecordsUpdated, result.RecordsFailed));
        Assert.Equal(["1 Anna 31", "3 Cat 5"], Stored());
    }

    private string Input(string? rows = null, string name = "customers.csv")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, rows is null ? LoadErrorInput.Csv : "id,name,age\n" + rows);
        return path;
    }

    // Stricter than the schema: the name is NOT NULL and a varchar(10), the age not negative.
    private void CreateStrictTable() => _db.Execute($"""
        CREATE SCHEMA IF NOT EXISTS "{_db.Schema}";
        CREATE TABLE "{_db.Schema}".customers (
            id bigint PRIMARY KEY,
            name varchar(10) NOT NULL,
            age bigint NOT NULL CONSTRAINT age_not_negative CHECK (age >= 0))
        """);

    private List<string> Stored() => _db.Strings($"SELECT id || ' ' || name || ' ' || age FROM \"{_db.Schema}\".customers ORDER BY id");

    private Task<PipelineResult> RunAsync(bool dynamic, string input, ErrorAction onLoadError, WriteMode mode, int batchSize, int commitEvery)
    {
        var options = new PipelineOptions
        {
            BatchSize = batchSize,
            CommitEvery = commitEvery,
            RetryPolicy = RetryPolicy.None,
            ErrorHandling = new ErrorHandlingOptions { OnLoadError = onLoadError, DeadLetterPath = DeadLetterPath },
        };
        var destination = _db.Destination("customers") with { WriteMode = mode };
        var token = TestContext.Current.CancellationToken;
        return dynamic
            ? EtlPipeline.Create<Record>("pg-load-errors")
                .From(new CsvSource<Record, RecordCodec>(new CsvSourceOptions(input), LoadErrorInput.Codec(input)))
                .To(new PostgresDestination<Record, RecordCodec>(destination, LoadErrorInput.Codec(input)))
                .WithOptions(options)
                .RunAsync(token)
            : EtlPipeline.Create<LoadCustomer>("pg-load-errors")
                .From(new CsvSource<LoadCustomer>(input))
                .To(new PostgresDestination<LoadCustomer>(destination))
                .WithOptions(options)
                .RunAsync(token);
    }
}
