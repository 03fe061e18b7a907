using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>
/// A refused connection is retried as the retry policy says (a transient error, whatever the error actions), with
/// Polly's pipeline built only once a first attempt has failed.
/// </summary>
public sealed class ConnectRetryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-connect-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_destination_that_refuses_two_connections_is_connected_on_the_third_attempt()
    {
        var destination = new RecordingDestination<Person> { ConnectFailures = 2 };

        var result = await RunAsync(destination, retries: 3);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(3, destination.ConnectAttempts);
        Assert.Equal(2, destination.Committed.Count);
    }

    [Fact]
    public async Task A_connection_still_refused_after_the_policys_retries_fails_the_run_with_its_error()
    {
        var destination = new RecordingDestination<Person> { ConnectFailures = 5 };

        var result = await RunAsync(destination, retries: 2);

        Assert.False(result.Success);
        Assert.Equal(3, destination.ConnectAttempts);
        Assert.Equal(nameof(ConnectionFailedException), Assert.Single(result.Errors).ErrorType);
        Assert.Empty(destination.Committed);
    }

    [Fact]
    public async Task Without_retries_a_refused_connection_is_tried_once()
    {
        var destination = new RecordingDestination<Person> { ConnectFailures = 1 };

        var result = await RunAsync(destination, retries: 0);

        Assert.False(result.Success);
        Assert.Equal(1, destination.ConnectAttempts);
    }

    private async Task<PipelineResult> RunAsync(RecordingDestination<Person> destination, int retries)
    {
        var input = Path.Combine(_directory, "people.csv");
        await File.WriteAllTextAsync(input, "id,name,age,born,balance\n1,ann,30,2000-01-01,1\n2,bob,40,2000-01-01,1\n", TestContext.Current.CancellationToken);
        return await EtlPipeline.Create<Person>("connect").From(new CsvSource<Person>(input)).To(destination)
            .WithOptions(new PipelineOptions
            {
                RetryPolicy = new RetryPolicy { MaxRetries = retries, BackoffMultiplier = 2, MaxBackoffSeconds = 0.01 },
                ErrorHandling = new ErrorHandlingOptions { DeadLetterPath = Path.Combine(_directory, "dlq.jsonl") },
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }
}
