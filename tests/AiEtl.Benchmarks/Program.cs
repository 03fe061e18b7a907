using BenchmarkDotNet.Running;

// Usage: scripts/bench.sh [BenchmarkDotNet arguments], e.g. --filter '*Csv*'.
// End-to-end comparisons with other tools (sqlite3, psql, Miller) live in scripts/bench/*.sh.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
