namespace AiEtl.IntegrationTests.RetryAction;

/// <summary>
/// <c>on_extract_error: retry</c>: a CSV file whose last line a producer has not finished writing fails the read;
/// the read is started again after the last batch passed on, and loads every row once the line is whole.
/// </summary>
public sealed class ExtractRetryActionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-retry-extract-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Input => Path.Combine(_directory, "customers.csv");

    [Fact]
    public async Task A_read_that_fails_is_retried_from_the_last_batch_and_loads_each_row_once()
    {
        File.WriteAllText(Input, "id,name,age\n1,Ann,30\n2,Bob,40\n3,Cat,5\n4,Dan,7\n5,Eve");
        var clock = new WaitWatchingClock(onFirstWait: () => File.AppendAllText(Input, ",25\n"));

        var result = await RetryActionRuns.RunAsync(_directory, Input, new ErrorHandlingOptions { OnExtractError = ErrorAction.Retry }, RetryActionRuns.Quick(3), clock);

        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(1, clock.Waits);
        Assert.Equal(["1 Ann 30", "2 Bob 40", "3 Cat 5", "4 Dan 7", "5 Eve 25"], RetryActionRuns.Stored(_directory));
        Assert.Equal((5, 5, 0), (result.RecordsExtracted, result.RecordsLoaded, result.RecordsFailed));
    }

    [Fact]
    public async Task A_read_that_keeps_failing_fails_the_run_after_the_policys_retries_saying_so()
    {
        File.WriteAllText(Input, "id,name,age\n1,Ann,30\n2,Bob,40\n3,Cat");
        var clock = new WaitWatchingClock();

        var result = await RetryActionRuns.RunAsync(_directory, Input, new ErrorHandlingOptions { OnExtractError = ErrorAction.Retry }, RetryActionRuns.Quick(2), clock);

        Assert.False(result.Success);
        Assert.Equal(2, clock.Waits);
        var error = Assert.Single(result.Errors);
        Assert.Equal((PipelineStage.Extract, nameof(ReadException)), (error.Stage, error.ErrorType));
        Assert.Contains("expected 3 fields, found 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("still failing after 2 retries", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location?.Line);

        // The batch before the bad line was committed once.
        Assert.Equal(["1 Ann 30", "2 Bob 40"], RetryActionRuns.Stored(_directory));
    }

    [Fact]
    public async Task With_fail_the_same_read_is_not_retried()
    {
        File.WriteAllText(Input, "id,name,age\n1,Ann,30\n2,Bob,40\n3,Cat");
        var clock = new WaitWatchingClock();

        var result = await RetryActionRuns.RunAsync(_directory, Input, new ErrorHandlingOptions { OnExtractError = ErrorAction.Fail }, RetryActionRuns.Quick(2), clock);

        Assert.False(result.Success);
        Assert.Equal(0, clock.Waits);
        Assert.DoesNotContain("still failing", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
