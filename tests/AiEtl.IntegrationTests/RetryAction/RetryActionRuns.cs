using AiEtl.Csv;
using AiEtl.IntegrationTests.LoadErrors;
using AiEtl.IntegrationTests.Sqlite;
using AiEtl.Sqlite;

namespace AiEtl.IntegrationTests.RetryAction;

/// <summary>A CSV file of customers through optional transforms into a SQLite file, with the error handling and clock a test gives.</summary>
internal static class RetryActionRuns
{
    /// <summary>Retries 50 ms apart, so the tests wait little.</summary>
    public static RetryPolicy Quick(int retries) => new() { MaxRetries = retries, BackoffMultiplier = 2, MaxBackoffSeconds = 0.05 };

    public static Task<PipelineResult> RunAsync(string directory, string input, ErrorHandlingOptions errors, RetryPolicy retry, TimeProvider clock, params Transform<LoadCustomer>[] transforms)
    {
        var builder = EtlPipeline.Create<LoadCustomer>("retry-action").From(new CsvSource<LoadCustomer>(input));
        foreach (var transform in transforms)
        {
            builder = builder.Transform(transform);
        }

        return builder
            .To(new SqliteDestination<LoadCustomer>(new SqliteDestinationOptions(Path.Combine(directory, "customers.db"))))
            .WithOptions(new PipelineOptions
            {
                BatchSize = 2,
                RetryPolicy = retry,
                TimeProvider = clock,
                ErrorHandling = errors with { DeadLetterPath = Path.Combine(directory, "dlq.jsonl") },
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    public static List<string> Stored(string directory)
    {
        using var connection = SqliteTestFile.Open(Path.Combine(directory, "customers.db"));
        return SqliteTestFile.Strings(connection, "SELECT id || ' ' || name || ' ' || age FROM customers ORDER BY id");
    }
}
