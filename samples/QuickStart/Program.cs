using AiEtl;
using AiEtl.Csv;
using AiEtl.Sqlite;
using QuickStart;

// CSV -> drop repeated ids -> SQLite. A row that cannot be read goes to the dead-letter file with its line
// and the reason, and the rest loads. The table is made anew on every run, so running twice loads the
// file once, not twice.
// Usage: dotnet run --project samples/QuickStart [-- --input <file.csv>] [--out <folder>]
var input = Option(args, "--input") ?? Path.Combine(AppContext.BaseDirectory, "data", "customers.csv");
var output = Option(args, "--out") ?? "out";
var database = Path.Combine(output, "quickstart.db");
var deadLetters = Path.Combine(output, "quickstart-errors.jsonl");
Directory.CreateDirectory(output);
File.Delete(deadLetters); // the dead-letter file is appended to: keep only this run's rows

var result = await EtlPipeline.Create<Customer>("quickstart")
    .From(new CsvSource<Customer>(input))
    .Transform(new Deduplicator<Customer, int>(customer => customer.Id))
    .To(new SqliteDestination<Customer>(new SqliteDestinationOptions(database) { SchemaMode = SchemaMode.DropAndCreate }))
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
