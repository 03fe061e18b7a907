using AiEtl;
using QuickStart;

// Runs the pipeline of quickstart.etl.yaml, which the source generator compiled into QuickstartPipeline: CSV -> drop
// repeated ids -> SQLite, typed to Customer, checked at build time.
// Usage: dotnet run --project samples/QuickStart [-- --input <file.csv>] [--out <folder>]
var input = Option(args, "--input") ?? Path.Combine(AppContext.BaseDirectory, "data", "customers.csv");
var output = Option(args, "--out") ?? "out";
Directory.CreateDirectory(output);
File.Delete(Path.Combine(output, "quickstart-errors.jsonl")); // the dead-letter file is appended to: keep only this run's rows

var result = await new QuickstartPipeline().RunAsync(new PipelineRunOptions
{
    Variables = new Dictionary<string, string> { ["INPUT"] = input, ["OUT"] = output },
});

Console.WriteLine(Summary.Format(result, input, Path.Combine(output, "quickstart.db")));
return result.Success ? 0 : 1;

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
