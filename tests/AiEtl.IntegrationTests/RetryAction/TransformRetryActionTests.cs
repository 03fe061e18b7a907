using AiEtl.IntegrationTests.LoadErrors;

namespace AiEtl.IntegrationTests.RetryAction;

/// <summary><c>on_transform_error: retry</c>: a transform that fails on a row the first times is applied to it again.</summary>
public sealed class TransformRetryActionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-retry-transform-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_row_the_transform_fails_on_is_transformed_again_until_it_succeeds(bool withIoError)
    {
        var input = Input();
        var lookup = new FlakyLookup(failuresOnRow3: 2, withIoError);
        var clock = new WaitWatchingClock();

        var result = await RetryActionRuns.RunAsync(_directory, input, new ErrorHandlingOptions { OnTransformError = ErrorAction.Retry }, RetryActionRuns.Quick(3), clock, lookup);

        Assert.True(result.Success, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(2, clock.Waits);
        Assert.Equal(3, lookup.CallsOnRow3);
        Assert.Equal(["1 ANN 30", "2 BOB 40", "3 CAT 5", "4 DAN 7"], RetryActionRuns.Stored(_directory));
        Assert.Equal((4, 0, 0), (lookup.Stats.RecordsProcessed, lookup.Stats.Errors, result.RecordsFailed));
    }

    [Fact]
    public async Task A_row_that_keeps_failing_fails_the_run_after_the_policys_retries_saying_so()
    {
        var lookup = new FlakyLookup(failuresOnRow3: int.MaxValue, withIoError: false);
        var clock = new WaitWatchingClock();

        var result = await RetryActionRuns.RunAsync(_directory, Input(), new ErrorHandlingOptions { OnTransformError = ErrorAction.Retry }, RetryActionRuns.Quick(3), clock, lookup);

        Assert.False(result.Success);
        Assert.Equal(3, clock.Waits);
        Assert.Equal(4, lookup.CallsOnRow3);
        var error = Assert.Single(result.Errors);
        Assert.Equal((PipelineStage.Transform, nameof(TransformException)), (error.Stage, error.ErrorType));
        Assert.Contains("the lookup service is not answering", error.Message, StringComparison.Ordinal);
        Assert.Contains("still failing after 3 retries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_skip_the_row_is_not_retried_but_dead_lettered()
    {
        var lookup = new FlakyLookup(failuresOnRow3: 1, withIoError: false);
        var clock = new WaitWatchingClock();

        var result = await RetryActionRuns.RunAsync(_directory, Input(), new ErrorHandlingOptions { OnTransformError = ErrorAction.Skip }, RetryActionRuns.Quick(3), clock, lookup);

        Assert.True(result.Success);
        Assert.Equal((0, 1, 1L), (clock.Waits, lookup.CallsOnRow3, result.RecordsFailed));
    }

    private string Input()
    {
        var path = Path.Combine(_directory, "customers.csv");
        File.WriteAllText(path, "id,name,age\n1,Ann,30\n2,Bob,40\n3,Cat,5\n4,Dan,7\n");
        return path;
    }

    // Upper-cases names as a lookup service would answer, and fails on row 3 the first times it is asked.
    private sealed class FlakyLookup(int failuresOnRow3, bool withIoError) : Transform<LoadCustomer>
    {
        public int CallsOnRow3 { get; private set; }

        public override string Name => "lookup";

        public override bool Apply(ref LoadCustomer row)
        {
            if (row.Id == 3 && CallsOnRow3++ < failuresOnRow3)
            {
                throw withIoError ? new IOException("the lookup service is not answering") : new TransformException("the lookup service is not answering");
            }

            row = row with { Name = row.Name?.ToUpperInvariant() };
            return true;
        }
    }
}
