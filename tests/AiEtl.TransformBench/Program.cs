// Usage: AiEtl.TransformBench <input.csv> <output.db> [plain]
// The seed's three transforms into SQLite, typed: null_remover (drop), quality_scorer, deduplicator on id. "plain"
// loads the same file without them into a table without a primary key (the file repeats some ids on purpose), for
// the transforms' share of the run. Run by scripts/bench/transforms.sh.
using AiEtl;
using AiEtl.Csv;
using AiEtl.Sqlite;
using AiEtl.TransformBench;

var (input, database) = (args[0], args[1]);
var destination = new SqliteDestinationOptions(database) { SchemaMode = SchemaMode.DropAndCreate };
var result = args is [_, _, "plain"]
    ? await EtlPipeline.Create<PlainCustomer>("plain")
        .From(new CsvSource<PlainCustomer>(input))
        .To(new SqliteDestination<PlainCustomer>(destination))
        .RunAsync()
    : await EtlPipeline.Create<Customer>("transforms")
        .From(new CsvSource<Customer>(input))
        .Transform(new NullRemover<Customer>())
        .Transform(new QualityScorer<Customer>())
        .Transform(new Deduplicator<Customer, long>(customer => customer.Id))
        .To(new SqliteDestination<Customer>(destination))
        .RunAsync();

Console.WriteLine($"{result.RecordsLoaded} loaded, {result.RecordsFiltered} filtered, {result.RecordsFailed} failed, quality {result.AvgQualityScore:0.000}, {result.Duration.TotalSeconds:0.00} s");
foreach (var error in result.Errors.TakeLast(3))
{
    Console.Error.WriteLine(error.Message);
}

return result.Success ? 0 : 1;
