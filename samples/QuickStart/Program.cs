using AiEtl;
using AiEtl.Csv;
using AiEtl.Sqlite;
using QuickStart;

// CSV -> deduplicate on the primary key -> SQLite, with bad rows kept in a dead-letter file.
// Usage: dotnet run --project samples/QuickStart [-- --input <file.csv>] [--out <folder>]
var input = Option(args, "--input") ?? Path.Combine(AppContext.BaseDirectory, "data", "customers.csv");
var outputFolder = Option(args, "--out") ?? "out";
var database = Path.Combine(outputFolder, "quickstart.db");
var deadLetters = Path.Combine(outputFolder, "quickstart-errors.jsonl");
Directory.CreateDirectory(outputFolder);
File.Delete(deadLetters);

var result = await EtlPipeline.Create<Customer>("quickstart")
    .From(new CsvSource<Customer>(input))
    .Transform(new Deduplicator<Customer, int>(customer => customer.Id))
    .To(new SqliteDestination<Customer>(new SqliteDestinationOptions(database) { SchemaMode = AiEtl.SchemaMode.DropAndCreate }))
    .WithOptions(new PipelineOptions
    {
        ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = deadLetters },
    })
    .RunAsync();

Console.WriteLine(Summary.Format(result, input, database));
return result.Success ? 0 : 1;

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
