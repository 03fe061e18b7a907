using BenchmarkDotNet.Running;

// Usage: scripts/bench.sh [BenchmarkDotNet arguments], e.g. --filter '*Csv*'.
// End-to-end comparisons with other tools (sqlite3, psql, Miller) live in scripts/bench/*.sh; the file adapters'
// harness is its own project, tests/AiEtl.FileBench, so that it can be published with Native AOT.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
