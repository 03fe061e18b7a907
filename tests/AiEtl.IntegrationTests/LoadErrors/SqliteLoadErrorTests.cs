using AiEtl.Csv;
using AiEtl.IntegrationTests.Sqlite;
using AiEtl.Json;
using AiEtl.Sqlite;

namespace AiEtl.IntegrationTests.LoadErrors;

/// <summary>
/// Rows a real SQLite file rejects (a duplicate key, a CHECK, a NOT NULL column, a name longer than its CHECK
/// allows): skipped into the dead-letter file with their source line, key and SQLite's reason, or stopping the
/// run with the same details; and a merge's inserted and updated rows counted apart.
/// </summary>
public sealed class SqliteLoadErrorTests : IDisposable
{
    private static readonly string[] Reasons =
    [
        "UNIQUE constraint failed: customers.id",
        "CHECK constraint failed: age_not_negative",
        "NOT NULL constraint failed: customers.name",
        "CHECK constraint failed: name_fits",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-load-errors-").FullName;

    private string DatabasePath => Path.Combine(_directory, "customers.db");

    private string DeadLetterPath => Path.Combine(_directory, "dlq.jsonl");

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

        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(LoadErrorInput.GoodRows, Stored());
        Assert.Equal((8, 4, 4, 4, 0), (result.RecordsExtracted, result.RecordsLoaded, result.RecordsFailed, result.RecordsInserted, result.RecordsUpdated));
        LoadErrorInput.AssertRejected(DeadLetterPath, input, Reasons);
        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(PipelineStage.Load, e.Stage));
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
        Assert.Equal(4, error.Location?.Line);
        Assert.Equal(3, error.Location?.Row);
        Assert.Contains("customers.csv(4) row 3: the row with id=1 was rejected", error.Message, StringComparison.Ordinal);
        Assert.Contains(Reasons[0], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("of the batch", error.Message, StringComparison.Ordinal);

        // The transaction holding the bad row is rolled back whole.
        Assert.Equal(0, result.RecordsLoaded);
        Assert.Empty(Stored());
        Assert.False(File.Exists(DeadLetterPath));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_merge_counts_inserted_and_updated_rows_apart_and_skips_a_rejected_one(bool dynamic)
    {
        var first = Input("1,Ann,30\n2,Bob,40\n");
        CreateStrictTable();
        Assert.True((await RunAsync(dynamic, first, ErrorAction.Fail, WriteMode.Merge, batchSize: 10, commitEvery: 1)).Success);

        // 2 updates Bob, 3 is new, 4 is new, 3 again updates the 3 just inserted, 9 breaks the CHECK.
        var merge = Input("2,Robert,41\n3,Cat,5\n4,Dan,7\n3,Catherine,6\n9,Bad,-1\n", "merge.csv");
        var result = await RunAsync(dynamic, merge, ErrorAction.Skip, WriteMode.Merge, batchSize: 2, commitEvery: 2);

        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal((4, 2, 2, 1), (result.RecordsLoaded, result.RecordsInserted, result.RecordsUpdated, result.RecordsFailed));
        Assert.Equal(["1 Ann 30", "2 Robert 41", "3 Catherine 6", "4 Dan 7"], Stored());
        var rejected = Assert.Single(LoadErrorInput.Read(DeadLetterPath));
        Assert.Equal(("id=9", 6L), (rejected.RecordId, rejected.Line));
        Assert.Contains(Reasons[1], rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_merge_into_a_without_rowid_table_counts_inserted_and_updated_rows_by_looking_the_key_up(bool dynamic)
    {
        using (var connection = SqliteTestFile.Open(DatabasePath))
        {
            SqliteTestFile.Execute(connection, "CREATE TABLE customers (id INTEGER NOT NULL, name TEXT, age INTEGER NOT NULL, PRIMARY KEY (id)) WITHOUT ROWID");
            SqliteTestFile.Execute(connection, "INSERT INTO customers VALUES (1, 'Ann', 30)");
        }

        var result = await RunAsync(dynamic, Input("1,Anna,31\n2,Bob,40\n2,Robert,41\n3,Cat,5\n"), ErrorAction.Fail, WriteMode.Merge, batchSize: 3, commitEvery: 1);

        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal((4, 2, 2), (result.RecordsLoaded, result.RecordsInserted, result.RecordsUpdated));
        Assert.Equal(["1 Anna 31", "2 Robert 41", "3 Cat 5"], Stored());
    }

    [Fact]
    public async Task A_merge_whose_last_batch_is_filtered_out_counts_its_updates_once()
    {
        CreateStrictTable();
        Assert.True((await RunAsync(false, Input("1,Ann,30\n"), ErrorAction.Fail, WriteMode.Merge, batchSize: 10, commitEvery: 1)).Success);

        // The second batch (ids 3 and 4) is filtered out whole: its commit writes nothing.
        var result = await EtlPipeline.Create<LoadCustomer>("sqlite-load-errors")
            .From(new CsvSource<LoadCustomer>(Input("1,Anna,31\n2,Bob,40\n3,Cat,5\n4,Dan,7\n", "merge.csv")))
            .Filter(row => row.Id < 3)
            .To(new SqliteDestination<LoadCustomer>(new SqliteDestinationOptions(DatabasePath) { WriteMode = WriteMode.Merge }))
            .WithOptions(new PipelineOptions { BatchSize = 2, RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal((2, 1, 1), (result.RecordsLoaded, result.RecordsInserted, result.RecordsUpdated));
    }

    [Fact]
    public async Task A_json_lines_row_is_named_by_its_line_and_its_sensitive_key_is_masked()
    {
        var input = Path.Combine(_directory, "contacts.jsonl");
        File.WriteAllText(input, """
            {"email":"ann@example.com","name":"Ann"}
            {"email":"bob@example.com","name":"Bob"}

            {"email":"ann@example.com","name":"Again"}

            """);

        var result = await EtlPipeline.Create<LoadContact>("sqlite-load-errors")
            .From(new JsonSource<LoadContact>(input))
            .To(new SqliteDestination<LoadContact>(new SqliteDestinationOptions(DatabasePath)))
            .WithOptions(new PipelineOptions
            {
                RetryPolicy = RetryPolicy.None,
                ErrorHandling = new ErrorHandlingOptions { OnLoadError = ErrorAction.Skip, DeadLetterPath = DeadLetterPath },
            })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal((2, 1), (result.RecordsLoaded, result.RecordsFailed));
        var rejected = Assert.Single(LoadErrorInput.Read(DeadLetterPath));
        Assert.Equal((4L, 3L), (rejected.Line, rejected.Row));
        Assert.Equal("email=a***@example.com", rejected.RecordId);
        Assert.Contains("UNIQUE constraint failed: contacts.email", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", File.ReadAllText(DeadLetterPath), StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", string.Join("\n", result.Errors.Select(e => e.Message + e.RecordId)), StringComparison.Ordinal);
    }

    private string Input(string? rows = null, string name = "customers.csv")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, rows is null ? LoadErrorInput.Csv : "id,name,age\n" + rows);
        return path;
    }

    // Stricter than the schema: the name is NOT NULL and at most 10 characters, the age not negative.
    private void CreateStrictTable()
    {
        using var connection = SqliteTestFile.Open(DatabasePath);
        SqliteTestFile.Execute(connection, """
            CREATE TABLE customers (
                id INTEGER NOT NULL,
                name TEXT NOT NULL CONSTRAINT name_fits CHECK (length(name) <= 10),
                age INTEGER NOT NULL CONSTRAINT age_not_negative CHECK (age >= 0),
                PRIMARY KEY (id))
            """);
    }

    private List<string> Stored()
    {
        using var connection = SqliteTestFile.Open(DatabasePath);
        return SqliteTestFile.Strings(connection, "SELECT id || ' ' || name || ' ' || age FROM customers ORDER BY id");
    }

    private Task<PipelineResult> RunAsync(bool dynamic, string input, ErrorAction onLoadError, WriteMode mode, int batchSize, int commitEvery)
    {
        var options = new PipelineOptions
        {
            BatchSize = batchSize,
            CommitEvery = commitEvery,
            RetryPolicy = RetryPolicy.None,
            ErrorHandling = new ErrorHandlingOptions { OnLoadError = onLoadError, DeadLetterPath = DeadLetterPath },
        };
        var destination = new SqliteDestinationOptions(DatabasePath) { Table = "customers", WriteMode = mode };
        var token = TestContext.Current.CancellationToken;
        return dynamic
            ? EtlPipeline.Create<Record>("sqlite-load-errors")
                .From(new CsvSource<Record, RecordCodec>(new CsvSourceOptions(input), LoadErrorInput.Codec(input)))
                .To(new SqliteDestination<Record, RecordCodec>(destination, LoadErrorInput.Codec(input)))
                .WithOptions(options)
                .RunAsync(token)
            : EtlPipeline.Create<LoadCustomer>("sqlite-load-errors")
                .From(new CsvSource<LoadCustomer>(input))
                .To(new SqliteDestination<LoadCustomer>(destination))
                .WithOptions(options)
                .RunAsync(token);
    }
}
