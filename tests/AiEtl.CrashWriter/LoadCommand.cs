using AiEtl.Csv;
using AiEtl.Json;
using AiEtl.Postgres;
using AiEtl.Sqlite;

namespace AiEtl.CrashWriter;

/// <summary>
/// The consumer the kill harness runs: loads a customers CSV the way the README shows (typed records, the CSV
/// source, a state directory, bad rows skipped into a dead-letter file) into one destination in one write mode.
/// Usage: load &lt;sqlite|postgres|jsonl|csv&gt; &lt;append|dedup|merge|replace&gt; &lt;input.csv&gt; &lt;workdir&gt;
///        [--postgres &lt;connection string&gt; --schema &lt;schema&gt;] [--kill-at &lt;point&gt;[:&lt;n&gt;]]
/// </summary>
internal static class LoadCommand
{
    public const string Usage = "load <sqlite|postgres|jsonl|csv> <append|dedup|merge|replace> <input.csv> <workdir> [--postgres <connection string> --schema <schema>] [--kill-at <point>[:<n>]]";

    public static async Task<int> RunAsync(string[] args)
    {
        Console.Out.WriteLine("started");
        Console.Out.Flush();
        if (args.Length < 5 || args.Length % 2 == 0)
        {
            Console.Error.WriteLine($"usage: AiEtl.CrashWriter {Usage}");
            return 2;
        }

        var target = new Target(args[1], args[4], Option(args, "--postgres"), Option(args, "--schema"));
        KillSwitch.Install(Option(args, "--kill-at"));
        var input = args[3];
        return args[2] switch
        {
            "append" => await LoadAsync<Customer>(target, input, WriteMode.Append, null),
            "replace" => await LoadAsync<Customer>(target, input, WriteMode.Replace, null),
            "dedup" => await LoadAsync(target, input, WriteMode.Append, new Deduplicator<KeyedCustomer, int>(c => c.Id)),
            "merge" => await LoadAsync<KeyedCustomer>(target, input, WriteMode.Merge, null),
            var mode => Refuse($"unknown mode '{mode}'"),
        };
    }

    private static async Task<int> LoadAsync<T>(Target target, string input, WriteMode mode, Transform<T>? transform)
        where T : IEtlRecord<T>
    {
        var pipeline = EtlPipeline.Create<T>($"crash-{target.Kind}").From(new CsvSource<T>(input));
        if (transform is not null)
        {
            pipeline = pipeline.Transform(transform);
        }

        var result = await pipeline
            .To(target.Destination<T>(mode))
            .WithOptions(new PipelineOptions
            {
                BatchSize = 500,
                CommitEvery = 1, // the trials count commits as batches, for every destination
                State = new StateManager(Path.Combine(target.WorkDirectory, "state")),
                ErrorHandling = new ErrorHandlingOptions
                {
                    OnExtractError = ErrorAction.Skip,
                    OnTransformError = ErrorAction.Skip,
                    DeadLetterPath = Path.Combine(target.WorkDirectory, "dlq.jsonl"),
                },
            })
            .RunAsync();

        if (result.Success)
        {
            return 0;
        }

        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"{error.Stage} {error.ErrorType}: {error.Message}");
        }

        return 1;
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Where the rows go: the destination kind and what it needs.</summary>
    private sealed record Target(string Kind, string WorkDirectory, string? ConnectionString, string? Schema)
    {
        public IDestination<T> Destination<T>(WriteMode mode)
            where T : IEtlRecord<T> => Kind switch
            {
                "sqlite" => new SqliteDestination<T>(new SqliteDestinationOptions(Path.Combine(WorkDirectory, "out.db")) { Table = "customers", WriteMode = mode }),
                "postgres" => new PostgresDestination<T>(new PostgresDestinationOptions
                {
                    ConnectionString = ConnectionString ?? throw new ArgumentException("postgres needs --postgres <connection string>"),
                    Schema = Schema ?? throw new ArgumentException("postgres needs --schema <schema>"),
                    Table = "customers",
                    WriteMode = mode,
                }),
                "jsonl" => new JsonDestination<T>(new JsonDestinationOptions(Path.Combine(WorkDirectory, "out.jsonl")) { WriteMode = mode }),
                "csv" => new CsvDestination<T>(new CsvDestinationOptions(Path.Combine(WorkDirectory, "out.csv")) { WriteMode = mode }),
                _ => throw new ArgumentException($"unknown destination '{Kind}'"),
            };
    }
}
