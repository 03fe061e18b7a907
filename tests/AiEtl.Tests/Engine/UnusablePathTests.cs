using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Engine;

/// <summary>
/// A path a run must create that cannot exist (a dead-letter file that is a directory, a state directory that is a
/// file, an output under a file) fails the run before anything is read, with an error naming the path and its role,
/// as a configuration error that is not retried.
/// </summary>
public sealed class UnusablePathTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-paths-").FullName;

    public UnusablePathTests()
    {
        File.WriteAllText(Input, "id,name,age,born,balance\n1,ann,x,2000-01-01,1\n");
        File.WriteAllText(Blocker, "a file where a directory should be");
    }

    private string Input => Path.Combine(_directory, "people.csv");

    private string Blocker => Path.Combine(_directory, "blocker");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_dead_letter_path_that_is_a_directory_is_named_before_anything_is_read()
    {
        var error = await FailingRunAsync(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = _directory } });

        Assert.Equal($"the dead-letter file {_directory} is a directory; give the path of a file", error.Message[(error.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public async Task A_state_directory_that_is_a_file_is_named_before_anything_is_read()
    {
        var error = await FailingRunAsync(new PipelineOptions { State = new StateManager(Blocker) });

        Assert.Contains($"the state directory {Blocker} is a file; give the path of a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_under_a_file_is_a_configuration_error_that_is_not_retried()
    {
        var output = Path.Combine(Blocker, "out", "people.jsonl");

        var error = await FailingRunAsync(new PipelineOptions(), output);

        Assert.Contains($"the output file {output} cannot be created: {Blocker} is a file, not a directory", error.Message, StringComparison.Ordinal);
        Assert.False(error.Retryable);
        Assert.False(RetryPolicy.Default.ShouldRetry(new PipelineConfigurationException("x"), 0));
    }

    private async Task<PipelineError> FailingRunAsync(PipelineOptions options, string? output = null)
    {
        var result = await EtlPipeline.Create<Person>("paths")
            .From(new CsvSource<Person>(Input))
            .To(new JsonDestination<Person>(output ?? Path.Combine(_directory, "out.jsonl")))
            .WithOptions(options)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Equal(0, result.RecordsExtracted);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(PipelineConfigurationException), error.ErrorType);
        return error;
    }
}
