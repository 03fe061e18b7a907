using AiEtl.IntegrationTests.Sqlite;

namespace AiEtl.IntegrationTests.RetryAction;

/// <summary>
/// <c>on_load_error: retry</c>: a SQLite table that refuses rows until another job has loaded what they depend on
/// (a trigger on a gate table stands for that job) takes them when the batch is written again.
/// </summary>
public sealed class LoadRetryActionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-retry-load-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DatabasePath => Path.Combine(_directory, "customers.db");

    [Fact]
    public async Task A_rejected_batch_is_written_again_and_loads_once_the_destination_takes_it()
    {
        var input = Input();
        CreateGatedTable();
        var clock = new WaitWatchingClock(onFirstWait: OpenGate);

        var result = await RetryActionRuns.RunAsync(_directory, input, new ErrorHandlingOptions { OnLoadError = ErrorAction.Retry }, RetryActionRuns.Quick(3), clock);

        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(1, clock.Waits);
        Assert.Equal(["1 Ann 30", "2 Bob 40", "3 Cat 5"], RetryActionRuns.Stored(_directory));
        Assert.Equal((3, 0), (result.RecordsLoaded, result.RecordsFailed));
    }

    [Fact]
    public async Task A_batch_that_stays_rejected_fails_the_run_after_the_policys_retries_naming_its_first_bad_row()
    {
        var input = Input();
        CreateGatedTable();
        var clock = new WaitWatchingClock();

        var result = await RetryActionRuns.RunAsync(_directory, input, new ErrorHandlingOptions { OnLoadError = ErrorAction.Retry }, RetryActionRuns.Quick(2), clock);

        Assert.False(result.Success);
        Assert.Equal(2, clock.Waits);
        var error = Assert.Single(result.Errors);
        Assert.Equal((PipelineStage.Load, nameof(DataRejectedException)), (error.Stage, error.ErrorType));
        Assert.Contains("customers.csv(2) row 1: the row with id=1 was rejected", error.Message, StringComparison.Ordinal);
        Assert.Contains("the orders of this customer are not loaded yet", error.Message, StringComparison.Ordinal);
        Assert.Contains("still failing after 2 retries", error.Message, StringComparison.Ordinal);
        Assert.Empty(RetryActionRuns.Stored(_directory));
    }

    [Fact]
    public async Task With_fail_a_rejected_batch_is_not_retried()
    {
        var input = Input();
        CreateGatedTable();
        var clock = new WaitWatchingClock(onFirstWait: OpenGate);

        var result = await RetryActionRuns.RunAsync(_directory, input, new ErrorHandlingOptions { OnLoadError = ErrorAction.Fail }, RetryActionRuns.Quick(3), clock);

        Assert.False(result.Success);
        Assert.Equal(0, clock.Waits);
        Assert.Equal(nameof(DataRejectedException), Assert.Single(result.Errors).ErrorType);
    }

    private string Input()
    {
        var path = Path.Combine(_directory, "customers.csv");
        File.WriteAllText(path, "id,name,age\n1,Ann,30\n2,Bob,40\n3,Cat,5\n");
        return path;
    }

    // Inserts fail until the gate table has a row: what a parent row loaded by another job would do to a foreign key.
    private void CreateGatedTable()
    {
        using var connection = SqliteTestFile.Open(DatabasePath);
        SqliteTestFile.Execute(connection, """
            CREATE TABLE gate (open INTEGER);
            CREATE TABLE customers (id INTEGER NOT NULL, name TEXT, age INTEGER NOT NULL, PRIMARY KEY (id));
            CREATE TRIGGER wait_for_orders BEFORE INSERT ON customers WHEN NOT EXISTS (SELECT 1 FROM gate)
            BEGIN SELECT RAISE(ABORT, 'the orders of this customer are not loaded yet'); END;
            """);
    }

    private void OpenGate()
    {
        using var connection = SqliteTestFile.Open(DatabasePath);
        SqliteTestFile.Execute(connection, "INSERT INTO gate VALUES (1)");
    }
}
