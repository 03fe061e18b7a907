using AiEtl;
using YamlPipelines;

// Runs the pipelines compiled from pipelines/*.etl.yaml, found by name in the generated registry: all of them, or
// those named on the command line. Relative paths start from the working directory; DATA and OUT fill the files'
// ${DATA} and ${OUT} placeholders.
// Usage: dotnet run --project samples/YamlPipelines [-- [--out <folder>] [<pipeline name>...]]
var output = Option(args, "--out") ?? "out";
var names = args.Where((arg, i) => !arg.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--out")).ToList();
if (names.FirstOrDefault(name => CompiledPipelines.Find(name) is null) is { } unknown)
{
    Console.Error.WriteLine($"No pipeline is named '{unknown}'; the pipelines are {string.Join(", ", CompiledPipelines.All.Select(p => p.Name))}.");
    return 2;
}

var selected = names.Count == 0 ? CompiledPipelines.All : [.. names.Select(name => CompiledPipelines.Find(name)!)];
var options = new PipelineRunOptions
{
    Variables = new Dictionary<string, string>
    {
        ["DATA"] = Path.Combine(AppContext.BaseDirectory, "data", "customers.csv"),
        ["OUT"] = output,
    },
};
Directory.CreateDirectory(output);

var failed = 0;
foreach (var pipeline in selected)
{
    var result = await pipeline.RunAsync(options);
    failed += result.Success ? 0 : 1;
    Console.WriteLine($"{pipeline.Name} ({pipeline.SourceFile}, rows of {pipeline.RecordType.Name}): {(result.Success ? "succeeded" : "FAILED")}, {result.RecordsExtracted} extracted, {result.RecordsFiltered} filtered, {result.RecordsFailed} failed, {result.RecordsLoaded} loaded");
    foreach (var error in result.Errors.Take(3))
    {
        Console.WriteLine($"  error: {error}");
    }
}

return failed == 0 ? 0 : 1;

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
