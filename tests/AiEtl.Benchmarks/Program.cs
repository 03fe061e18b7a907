using BenchmarkDotNet.Running;

// Usage: scripts/bench.sh [BenchmarkDotNet arguments], e.g. --filter '*Csv*'.
// End-to-end comparisons with other tools (sqlite3, psql, Miller) live in scripts/bench/*.sh.
// `files ...` runs the file adapters' end-to-end harness (scripts/bench/files.sh) instead.
if (args is ["files", .. var rest])
{
    // A batch job JITs the same startup methods on every run; multi-core JIT replays the list the previous run of the
    // scenario recorded, compiling on the idle core while the main thread starts up (docs/benchmarks.md, "Host settings").
    var profiles = Path.Combine(AppContext.BaseDirectory, "jit-profiles");
    Directory.CreateDirectory(profiles);
    System.Runtime.ProfileOptimization.SetProfileRoot(profiles);
    System.Runtime.ProfileOptimization.StartProfile($"files-{string.Join('-', rest.Take(2))}.jitprofile");
    return await AiEtl.Benchmarks.Files.FilesHarness.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
