using System.Diagnostics;
using System.Globalization;
using AiEtl.Benchmarks.Databases;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.FileBench;

/// <summary>
/// End-to-end throughput of the file adapters, one scenario per process so that scripts/bench/files.sh
/// can measure each one's peak memory with <c>/usr/bin/time -v</c>:
/// <c>&lt;typed|dynamic&gt; &lt;jsonl|csvgz|null&gt; &lt;input.csv&gt; &lt;output&gt;</c>; a typed run also reads a
/// <c>.jsonl</c> input (written by a typed <c>jsonl</c> run), through the JSON source.
/// </summary>
public static class FilesHarness
{
    /// <summary>Runs one scenario and prints <c>scenario rows seconds rows/s</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 4 || args[0] is not ("typed" or "dynamic") || args[1] is not ("jsonl" or "csvgz" or "null"))
        {
            await Console.Error.WriteLineAsync("usage: AiEtl.FileBench <typed|dynamic> <jsonl|csvgz|null> <input.csv|input.jsonl (typed)> <output>").ConfigureAwait(false);
            return 2;
        }

        var (rowKind, format, input, output) = (args[0], args[1], args[2], args[3]);
        // Knobs for A/B runs of the engine's and the sources' defaults (docs/benchmarks.md); unset, the defaults.
        var defaults = new PipelineOptions();
        var options = defaults with
        {
            BatchSize = Knob("AIETL_BENCH_BATCH_SIZE") ?? defaults.BatchSize,
            BatchesInFlight = Knob("AIETL_BENCH_BATCHES_IN_FLIGHT") ?? defaults.BatchesInFlight,
        };
        var buildParallelism = Knob("AIETL_BENCH_BUILD_PARALLELISM");
        var clock = Stopwatch.StartNew();
        PipelineResult result;
        if (rowKind == "typed")
        {
            IDestination<FileBenchCustomer> destination = format switch
            {
                "jsonl" => new JsonDestination<FileBenchCustomer>(output),
                "csvgz" => new CsvDestination<FileBenchCustomer>(new CsvDestinationOptions(output) { NewLine = "\n" }),
                _ => new NullDestination<FileBenchCustomer>(),
            };
            result = await EtlPipeline.Create<FileBenchCustomer>("bench-files")
                .From(input.EndsWith(".jsonl", StringComparison.Ordinal)
                    ? new JsonSource<FileBenchCustomer>(new JsonSourceOptions(input) { MaxDegreeOfParallelism = buildParallelism })
                    : new CsvSource<FileBenchCustomer>(new CsvSourceOptions(input) { MaxDegreeOfParallelism = buildParallelism }))
                .To(destination)
                .WithOptions(options)
                .RunAsync().ConfigureAwait(false);
        }
        else
        {
            var source = CsvSchemaInference.CreateSource(new CsvSourceOptions(input) { MaxDegreeOfParallelism = buildParallelism });
            var codec = new RecordCodec(await source.GetSchemaAsync().ConfigureAwait(false), new RecordMetadata("csv", input));
            IDestination<Record> destination = format switch
            {
                "jsonl" => new JsonDestination<Record, RecordCodec>(new JsonDestinationOptions(output), codec),
                "csvgz" => new CsvDestination<Record, RecordCodec>(new CsvDestinationOptions(output) { NewLine = "\n" }, codec),
                _ => new NullDestination<Record>(),
            };
            result = await EtlPipeline.Create<Record>("bench-files")
                .From(source)
                .To(destination)
                .WithOptions(options)
                .RunAsync().ConfigureAwait(false);
        }

        clock.Stop();
        if (!result.Success)
        {
            await Console.Error.WriteLineAsync(string.Join("\n", result.Errors.Select(e => e.Message))).ConfigureAwait(false);
            return 1;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rowKind}-{format} {result.RecordsLoaded} {seconds:0.000} {result.RecordsLoaded / seconds:0}"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extract {result.ExtractDuration.TotalSeconds:0.00}s load {result.LoadDuration.TotalSeconds:0.00}s; gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} paused {GC.GetTotalPauseDuration().TotalSeconds:0.00}s allocated {GC.GetTotalAllocatedBytes() >> 20} MiB; GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes >> 20} MiB, working set {Environment.WorkingSet >> 20} MiB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB at its peak"));
        return 0;
    }

    private static int? Knob(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
