// Usage: AiEtl.TransformBench <input.csv> <target> [transforms|plain] [--to sqlite|postgres|jsonl] [--commit-every N]
// A consumer program as a user writes it from the README, timed as a whole process by scripts/bench/transforms.sh and
// scripts/bench/loads.sh. "transforms" (the default) runs the seed's three transforms, typed: null_remover (drop),
// quality_scorer, deduplicator on id; "plain" loads the same file without them into a table without a primary key
// (the file repeats some ids on purpose). The target is a SQLite file, a PostgreSQL connection string or a JSONL
// file; --commit-every overrides the default commit size (to measure it), nothing else leaves the defaults.
using AiEtl;
using AiEtl.Csv;
using AiEtl.Json;
using AiEtl.Postgres;
using AiEtl.Sqlite;
using AiEtl.TransformBench;

var (input, target) = (args[0], args[1]);
var plain = args.Contains("plain");
var to = Option("--to") ?? "sqlite";
var options = Option("--commit-every") is { } commitEvery ? new PipelineOptions { CommitEvery = int.Parse(commitEvery, System.Globalization.CultureInfo.InvariantCulture) } : new PipelineOptions();

var result = plain
    ? await EtlPipeline.Create<PlainCustomer>("plain")
        .From(new CsvSource<PlainCustomer>(input))
        .To(Destination<PlainCustomer>())
        .WithOptions(options)
        .RunAsync()
    : await EtlPipeline.Create<Customer>("transforms")
        .From(new CsvSource<Customer>(input))
        .Transform(new NullRemover<Customer>())
        .Transform(new QualityScorer<Customer>())
        .Transform(new Deduplicator<Customer, long>(customer => customer.Id))
        .To(Destination<Customer>())
        .WithOptions(options)
        .RunAsync();

Console.WriteLine($"{result.RecordsLoaded} loaded, {result.RecordsFiltered} filtered, {result.RecordsFailed} failed, quality {result.AvgQualityScore:0.000}, {result.Duration.TotalSeconds:0.00} s (extract {result.ExtractDuration.TotalSeconds:0.00} s, transform {result.TransformDuration.TotalSeconds:0.00} s, load {result.LoadDuration.TotalSeconds:0.00} s)");
foreach (var error in result.Errors.TakeLast(3))
{
    Console.Error.WriteLine(error.Message);
}

return result.Success ? 0 : 1;

// One method per destination: a program that writes to one loads only that adapter's assemblies (as a user's does),
// where one method naming all three made the JIT load Npgsql for a SQLite run.
IDestination<T> Destination<T>()
    where T : IEtlRecord<T> => to switch
    {
        "sqlite" => Sqlite<T>(),
        "postgres" => Postgres<T>(),
        "jsonl" => Jsonl<T>(),
        _ => throw new ArgumentException($"--to {to}: sqlite, postgres or jsonl"),
    };

IDestination<T> Sqlite<T>()
    where T : IEtlRecord<T> => new SqliteDestination<T>(new SqliteDestinationOptions(target) { SchemaMode = SchemaMode.DropAndCreate });

IDestination<T> Postgres<T>()
    where T : IEtlRecord<T> => new PostgresDestination<T>(new PostgresDestinationOptions { ConnectionString = target, SchemaMode = SchemaMode.DropAndCreate });

IDestination<T> Jsonl<T>()
    where T : IEtlRecord<T> => new JsonDestination<T>(new JsonDestinationOptions(target) { Format = JsonFormat.Lines });

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
