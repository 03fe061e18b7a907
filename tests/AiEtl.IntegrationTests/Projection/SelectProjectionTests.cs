using System.Globalization;
using AiEtl.Csv;
using AiEtl.IntegrationTests.LoadErrors;
using AiEtl.IntegrationTests.Sqlite;
using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;

namespace AiEtl.IntegrationTests.Projection;

/// <summary>
/// <c>Select</c> in the builder projects typed <see cref="ProjectionCustomer"/> rows read from a real CSV file into
/// another record type loaded into a real SQLite file: the table is made for the projected type; a projection that
/// throws is a transform error with the row's line; a merge keys on the projected type's primary key; a failed run
/// resumes through the projection with the deduplicator's memory; a duplicate key is isolated and dead-lettered.
/// </summary>
public sealed class SelectProjectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-select-").FullName;

    private string DatabasePath => Path.Combine(_directory, "summaries.db");

    private string DeadLetterPath => Path.Combine(_directory, "dlq.jsonl");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task The_projected_rows_are_loaded_into_a_table_made_for_the_projected_type(int maxWorkers)
    {
        var rows = Customers(250);
        var input = Input(rows);

        var result = await EtlPipeline.Create<ProjectionCustomer>("select")
            .From(new CsvSource<ProjectionCustomer>(input))
            .Filter(c => c.Active)
            .Select(Summarize)
            .Filter(s => s.Balance < 250m)
            .To(new SqliteDestination<CustomerSummary>(new SqliteDestinationOptions(DatabasePath)))
            .WithOptions(Options(batchSize: 7, commitEvery: 3) with { MaxWorkers = maxWorkers })
            .RunAsync(TestContext.Current.CancellationToken);

        // The oracle, from the rows written to the file.
        var expected = rows.Where(c => c.Active).Select(Summarize).Where(s => s.Balance < 250m).ToList();
        Assert.True(result.Success, result.Describe());
        Assert.Equal((250, expected.Count, rows.Count - expected.Count), (result.RecordsExtracted, result.RecordsLoaded, result.RecordsFiltered));
        Assert.Equal(expected.Select(Line), Stored("SELECT id || ' ' || email || ' ' || printf('%.2f', balance) || ' ' || code FROM customer_summaries ORDER BY id"));
        Assert.Equal(["id", "email", "balance", "code"], Stored("SELECT name FROM pragma_table_info('customer_summaries') ORDER BY cid"));
        Assert.Equal(["id"], Stored("SELECT name FROM pragma_table_info('customer_summaries') WHERE pk > 0"));
    }

    [Fact]
    public async Task A_row_whose_projection_throws_is_dead_lettered_with_its_line_and_the_rest_is_loaded()
    {
        var rows = Customers(20).Select(c => c.Id is 6 or 13 ? c with { Code = "not a number" } : c).ToList();
        var input = Input(rows);

        var result = await EtlPipeline.Create<ProjectionCustomer>("select")
            .From(new CsvSource<ProjectionCustomer>(input))
            .Select(Summarize, "summarize")
            .To(new SqliteDestination<CustomerSummary>(new SqliteDestinationOptions(DatabasePath)))
            .WithOptions(Options(batchSize: 4, commitEvery: 1, onTransformError: ErrorAction.Skip))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal((20, 18, 2), (result.RecordsExtracted, result.RecordsLoaded, result.RecordsFailed));
        Assert.Equal(rows.Where(c => c.Id is not (6 or 13)).Select(c => Id(c.Id)), Stored("SELECT id FROM customer_summaries ORDER BY id"));
        var entries = LoadErrorInput.Read(DeadLetterPath);
        Assert.Equal([(7L, 6L), (14L, 13L)], entries.Select(e => (e.Line!.Value, e.Row!.Value)));
        Assert.All(entries, e => Assert.Equal("transform", e.Stage));
        Assert.All(entries, e => Assert.Contains("summarize: ", e.Message, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.EndsWith("customers.csv", e.Source, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(PipelineStage.Transform, e.Stage));
    }

    [Fact]
    public async Task A_projection_that_throws_under_fail_stops_the_run_as_a_transform_error_at_its_line()
    {
        var input = Input(Customers(10).Select(c => c.Id == 6 ? c with { Code = "x" } : c));

        var result = await EtlPipeline.Create<ProjectionCustomer>("select")
            .From(new CsvSource<ProjectionCustomer>(input))
            .Select(Summarize)
            .To(new SqliteDestination<CustomerSummary>(new SqliteDestinationOptions(DatabasePath)))
            .WithOptions(Options(batchSize: 4, commitEvery: 1, onTransformError: ErrorAction.Fail))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal((PipelineStage.Transform, nameof(TransformException), 7L), (error.Stage, error.ErrorType, error.Location?.Line));

        // The batch before the bad row's was committed; the bad row's batch was not.
        Assert.Equal(["1", "2", "3", "4"], Stored("SELECT id FROM customer_summaries ORDER BY id"));
    }

    [Fact]
    public async Task Under_retry_a_projection_that_fails_once_is_projected_again_and_its_row_loaded()
    {
        var input = Input(Customers(6));
        var failures = 0;

        // Id 4's projection fails the first time (an I/O error, as a lookup's would), then succeeds.
        var result = await EtlPipeline.Create<ProjectionCustomer>("select")
            .From(new CsvSource<ProjectionCustomer>(input))
            .Select(c => c.Id == 4 && failures++ == 0 ? throw new IOException("lookup unavailable") : Summarize(c))
            .To(new SqliteDestination<CustomerSummary>(new SqliteDestinationOptions(DatabasePath)))
            .WithOptions(Options(batchSize: 4, commitEvery: 1, onTransformError: ErrorAction.Retry) with
            {
                RetryPolicy = new RetryPolicy { MaxRetries = 2, MaxBackoffSeconds = 0.01 },
            })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal((6, 0, 1), (result.RecordsLoaded, result.RecordsFailed, failures - 1));
        Assert.Equal(Ids(1, 6), Stored("SELECT id FROM customer_summaries ORDER BY id"));
    }

    [Fact]
    public async Task A_merge_keys_on_the_projected_types_primary_key()
    {
        // Ids 1 and 3 share an e-mail, as do 2 and 5: one row each remains, the later one's.
        string[] emails = ["a@example.com", "b@example.com", "a@example.com", "c@example.com", "b@example.com"];
        var rows = Customers(5).Select((c, i) => c with { Email = emails[i] }).ToList();
        Assert.True((await MergeAsync(Input(rows[..2]))).Success);

        var result = await MergeAsync(Input(rows[2..], "more.csv"));

        Assert.True(result.Success, result.Describe());
        Assert.Equal((3, 1, 2), (result.RecordsLoaded, result.RecordsInserted, result.RecordsUpdated));
        Assert.Equal(["a@example.com 3", "b@example.com 5", "c@example.com 4"], Stored("SELECT email || ' ' || id FROM customers_by_email ORDER BY email"));
        Assert.Equal(["email"], Stored("SELECT name FROM pragma_table_info('customers_by_email') WHERE pk > 0"));
    }

    [Fact]
    public async Task A_failed_run_resumes_through_the_projection_loading_no_row_twice_and_remembering_the_keys_it_committed()
    {
        // Row 31 repeats id 5, loaded by the first run: only the deduplicator's committed memory drops it.
        var rows = Customers(30).Append(Customers(5)[^1]).ToList();
        var input = Input(rows);
        var state = new StateManager(Path.Combine(_directory, "state"));

        var failed = await ResumableAsync(input, state, failAt: 18);

        Assert.False(failed.Success);
        Assert.Equal(16, failed.FinalState!.RecordsProcessed);
        Assert.Equal(Ids(1, 16), Stored("SELECT id FROM customer_summaries ORDER BY id"));

        var resumed = await ResumableAsync(input, state, failAt: null);

        Assert.True(resumed.Success, resumed.Describe());
        Assert.Equal((15, 14, 1), (resumed.RecordsExtracted, resumed.RecordsLoaded, resumed.RecordsFiltered));
        Assert.Equal(Ids(1, 30), Stored("SELECT id FROM customer_summaries ORDER BY id"));
        Assert.Equal(31, resumed.FinalState!.RecordsProcessed);
    }

    [Fact]
    public async Task An_incremental_run_through_the_projection_loads_only_the_rows_appended_since_the_last()
    {
        var rows = Customers(15);
        var input = Input(rows[..10]);
        var state = new StateManager(Path.Combine(_directory, "state"));
        Assert.True((await ResumableAsync(input, state, failAt: null)).Success);
        File.AppendAllText(input, CsvLines(rows[10..]));

        var next = await ResumableAsync(input, state, failAt: null);

        Assert.True(next.Success, next.Describe());
        Assert.Equal((5, 5), (next.RecordsExtracted, next.RecordsLoaded));
        Assert.Equal(Ids(1, 15), Stored("SELECT id FROM customer_summaries ORDER BY id"));
    }

    [Fact]
    public async Task A_projected_row_the_table_rejects_is_isolated_and_dead_lettered_with_its_key_and_the_rest_is_loaded()
    {
        // Ids 2 and 7 project to the keys of ids 3 and 4; in each pair the later row is the duplicate, in a batch with good rows.
        var input = Input(Customers(9));

        var result = await EtlPipeline.Create<ProjectionCustomer>("select")
            .From(new CsvSource<ProjectionCustomer>(input))
            .Select(c => Summarize(c) with { Id = c.Id switch { 2 => 3, 7 => 4, _ => c.Id } })
            .To(new SqliteDestination<CustomerSummary>(new SqliteDestinationOptions(DatabasePath)))
            .WithOptions(Options(batchSize: 3, commitEvery: 2) with { ErrorHandling = new ErrorHandlingOptions { OnLoadError = ErrorAction.Skip, DeadLetterPath = DeadLetterPath } })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal((7, 2), (result.RecordsLoaded, result.RecordsFailed));
        Assert.Equal(["10", "20", "40", "50", "60", "80", "90"], Stored("SELECT code FROM customer_summaries ORDER BY code"));
        var rejected = LoadErrorInput.Read(DeadLetterPath).OrderBy(e => e.Line).ToList();
        Assert.Equal([("load", "id=3", 4L), ("load", "id=4", 8L)], rejected.Select(e => (e.Stage, e.RecordId!, e.Line!.Value)));
        Assert.All(rejected, e => Assert.Contains("UNIQUE constraint failed: customer_summaries.id", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_projection_into_a_csv_file_publishes_it_once_the_run_ends()
    {
        var rows = Customers(12);
        var output = Path.Combine(_directory, "summaries.csv");

        var result = await EtlPipeline.Create<ProjectionCustomer>("select")
            .From(new CsvSource<ProjectionCustomer>(Input(rows)))
            .Select(Summarize)
            .To(new CsvDestination<CustomerSummary>(output))
            .WithOptions(Options(batchSize: 5, commitEvery: 1))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(["id,email,balance,code", .. rows.Select(Summarize).Select(s => $"{s.Id},{s.Email},{Text(s.Balance)},{s.Code}")], File.ReadAllLines(output));
    }

    [Fact]
    public void A_projected_pipeline_without_a_source_or_a_destination_is_refused_naming_what_is_missing()
    {
        var noDestination = EtlPipeline.Create<ProjectionCustomer>("select").From(new CsvSource<ProjectionCustomer>(Input(Customers(1)))).Select(Summarize);
        var noSource = EtlPipeline.Create<ProjectionCustomer>("select").Select(Summarize).To(new SqliteDestination<CustomerSummary>(new SqliteDestinationOptions(DatabasePath)));

        Assert.Contains("no destination: call To(...)", Assert.Throws<PipelineConfigurationException>(() => noDestination.Build()).Message, StringComparison.Ordinal);
        Assert.Contains("no source: call From(...)", Assert.Throws<PipelineConfigurationException>(() => noSource.Build()).Message, StringComparison.Ordinal);
    }

    private static CustomerSummary Summarize(ProjectionCustomer c) =>
        new(c.Id, c.Email.ToUpperInvariant(), c.Balance * 2, long.Parse(c.Code, NumberStyles.None, CultureInfo.InvariantCulture));

    private Task<PipelineResult> MergeAsync(string input) =>
        EtlPipeline.Create<ProjectionCustomer>("select")
            .From(new CsvSource<ProjectionCustomer>(input))
            .Select(c => new CustomerByEmail(c.Email, c.Id, c.Balance))
            .To(new SqliteDestination<CustomerByEmail>(new SqliteDestinationOptions(DatabasePath) { WriteMode = WriteMode.Merge }))
            .WithOptions(Options(batchSize: 2, commitEvery: 1))
            .RunAsync(TestContext.Current.CancellationToken);

    // Batches of 4, one commit each; with failAt, the projection fails the run at that id.
    private Task<PipelineResult> ResumableAsync(string input, StateManager state, long? failAt) =>
        EtlPipeline.Create<ProjectionCustomer>("select")
            .From(new CsvSource<ProjectionCustomer>(input))
            .Transform(new Deduplicator<ProjectionCustomer, long>(c => c.Id))
            .Select(c => c.Id == failAt ? throw new TransformException($"planted failure at id {c.Id}") : Summarize(c))
            .To(new SqliteDestination<CustomerSummary>(new SqliteDestinationOptions(DatabasePath)))
            .WithOptions(Options(batchSize: 4, commitEvery: 1, onTransformError: ErrorAction.Fail) with { State = state })
            .RunAsync(TestContext.Current.CancellationToken);

    private PipelineOptions Options(int batchSize, int commitEvery, ErrorAction onTransformError = ErrorAction.Fail) => new()
    {
        BatchSize = batchSize,
        CommitEvery = commitEvery,
        RetryPolicy = RetryPolicy.None,
        ErrorHandling = new ErrorHandlingOptions { OnTransformError = onTransformError, DeadLetterPath = DeadLetterPath },
    };

    // Deterministic rows: every third inactive, balances rising by 1.25, the code ten times the id.
    private static List<ProjectionCustomer> Customers(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new ProjectionCustomer(i, $"c{i}@example.com", $"name {i}", i * 1.25m, i % 3 != 0, Id(i * 10L)))];

    private string Input(IEnumerable<ProjectionCustomer> rows, string name = "customers.csv")
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "id,email,name,balance,active,code\n" + CsvLines(rows));
        return path;
    }

    private static string CsvLines(IEnumerable<ProjectionCustomer> rows) =>
        string.Concat(rows.Select(c => $"{c.Id},{c.Email},{c.Name},{Text(c.Balance)},{(c.Active ? "true" : "false")},{c.Code}\n"));

    private List<string> Stored(string sql)
    {
        using var connection = SqliteTestFile.Open(DatabasePath);
        return SqliteTestFile.Strings(connection, sql);
    }

    // SQLite keeps a NUMERIC 5.00 as 5, so balances are compared with two decimals.
    private static string Line(CustomerSummary s) => $"{s.Id} {s.Email} {s.Balance.ToString("F2", CultureInfo.InvariantCulture)} {s.Code}";

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Ids(int first, int last) => Enumerable.Range(first, last - first + 1).Select(i => Id(i));
}
