// Usage: AiEtl.FileBench <typed|dynamic> <jsonl|csvgz|null> <input.csv|input.jsonl> <output>; run by scripts/bench/files.sh.
// A JIT build replays a multi-core JIT profile that its previous run of the scenario recorded, compiling on the
// idle core while the main thread starts up (docs/benchmarks.md, "Host settings"); a Native AOT build has nothing
// to compile and ignores it.
var profiles = Path.Combine(AppContext.BaseDirectory, "jit-profiles");
Directory.CreateDirectory(profiles);
System.Runtime.ProfileOptimization.SetProfileRoot(profiles);
System.Runtime.ProfileOptimization.StartProfile($"files-{string.Join('-', args.Take(2))}.jitprofile");
return await AiEtl.FileBench.FilesHarness.RunAsync(args).ConfigureAwait(false);
