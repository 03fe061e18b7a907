using BenchmarkDotNet.Running;

// Usage: scripts/bench.sh [BenchmarkDotNet arguments], e.g. --filter '*Csv*'.
// End-to-end comparisons with other tools (sqlite3, psql, Miller) live in scripts/bench/*.sh.
// `files ...` runs the file adapters' end-to-end harness (scripts/bench/files.sh) instead.
if (args is ["files", .. var rest])
{
    return await AiEtl.Benchmarks.Files.FilesHarness.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
