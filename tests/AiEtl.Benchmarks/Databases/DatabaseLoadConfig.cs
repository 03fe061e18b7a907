using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AiEtl.Benchmarks.Databases;

/// <summary>
/// End-to-end loads: one load of the whole file per iteration (Monitoring: no pilot, no repeated
/// invocations), in process (a generated project would inherit this repository's build props), with a
/// CSV report that scripts/bench/databases.sh reads.
/// </summary>
public sealed class DatabaseLoadConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public DatabaseLoadConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(Environment.GetEnvironmentVariable("AIETL_BENCH_ITERATIONS") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 3));
        AddExporter(CsvMeasurementsExporter.Default);
    }
}
