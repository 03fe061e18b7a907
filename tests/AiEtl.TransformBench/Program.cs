// Usage: AiEtl.TransformBench <input.csv> <output.db> [plain]
// The seed's three transforms into SQLite, typed: null_remover (drop), quality_scorer, deduplicator on id; "plain"
// loads the same file without them, for the transforms' share of the run. Run by scripts/bench/transforms.sh.
using AiEtl;
using AiEtl.Csv;
using AiEtl.Sqlite;
using AiEtl.TransformBench;

var (input, database) = (args[0], args[1]);
var builder = EtlPipeline.Create<Customer>("transforms").From(new CsvSource<Customer>(input));
if (args is not [_, _, "plain"])
{
    builder = builder
        .Transform(new NullRemover<Customer>())
        .Transform(new QualityScorer<Customer>())
        .Transform(new Deduplicator<Customer, long>(customer => customer.Id));
}

var result = await builder
    .To(new SqliteDestination<Customer>(new SqliteDestinationOptions(database) { SchemaMode = SchemaMode.DropAndCreate }))
    .RunAsync();
Console.WriteLine($"{result.RecordsLoaded} loaded, {result.RecordsFiltered} filtered, {result.RecordsFailed} failed, quality {result.AvgQualityScore:0.000}, {result.Duration.TotalSeconds:0.00} s");
return result.Success ? 0 : 1;
