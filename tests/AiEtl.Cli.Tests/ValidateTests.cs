namespace AiEtl.Cli.Tests;

/// <summary><c>aietl validate</c> on the bad corpus and the samples: compiler-style lines and exit codes.</summary>
public sealed class ValidateTests
{
    [Theory]
    [InlineData("unknown-key.yaml", "(3,3): error AIETL1005: pipeline: unknown key 'colour'")]
    [InlineData("misspelt-key.yaml", "(7,7): error AIETL1005: pipeline.source.config: unknown key 'delimeter' (did you mean 'delimiter'?)")]
    [InlineData("wrong-type.yaml", "(7,19): error AIETL1006: pipeline.source.config.has_header: expected true or false, found 'maybe'")]
    [InlineData("negative-batch-size.yaml", "(4,17): error AIETL1007: pipeline.execution.batch_size: '-5' is out of range: it must be at least 1")]
    [InlineData("min-score-out-of-range.yaml", "(15,20): error AIETL1007: pipeline.transforms[1].config.min_score: '1.5' is out of range: it must be between 0 and 1")]
    [InlineData("unknown-transform.yaml", "(12,13): error AIETL1011: pipeline.transforms[0].type: unknown transform type 'null_remove' (did you mean 'null_remover'?)")]
    [InlineData("unknown-destination-type.yaml", "(8,11): error AIETL1012: pipeline.destination.type: unknown destination type 'postgress' (did you mean 'postgres'?)")]
    [InlineData("missing-required-key.yaml", "(6,7): error AIETL1009: pipeline.source.config: the required key 'path' is missing")]
    [InlineData("unset-variable.yaml", "(12,18): error AIETL1013: pipeline.destination.config.password: the environment variable 'AIETL_TEST_SURELY_UNSET_VARIABLE' is not set")]
    [InlineData("bad-indentation.yaml", "(5,12): error AIETL1001: ")]
    [InlineData("tab-indentation.yaml", "(6,1): error AIETL1002: a tab indents this line")]
    [InlineData("duplicate-key.yaml", "(11,3): error AIETL1003: the key 'source' is already set at line 3")]
    [InlineData("key-fields-missing-field.yaml", "(14,26): error AIETL1015: pipeline.transforms[0].config.key_fields[1]: the field 'emial' is not in the declared schema (did you mean 'email'?)")]
    [InlineData("merge-without-primary-key.yaml", "(12,19): error AIETL1016: pipeline.destination.config.write_mode: write_mode 'merge' updates rows by their primary key")]
    [InlineData("empty.yaml", "(1,1): error AIETL1004: the file is empty")]
    public async Task Bad_file_prints_its_diagnostic_and_exits_2(string file, string expected)
    {
        var run = await Aietl.RunAsync(Paths.Root, "validate", Paths.Bad(file));

        Assert.True(run.ExitCode == 2, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(Paths.Bad(file) + expected, lines[0], StringComparison.Ordinal);
        Assert.Equal("1 file(s) checked: 1 error(s), 0 warning(s)", lines[1]);
    }

    [Fact]
    public async Task Folder_of_bad_files_reports_every_one()
    {
        var run = await Aietl.RunAsync(Paths.Root, "validate", Path.GetDirectoryName(Paths.Bad("empty.yaml"))!);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("15 file(s) checked: 15 error(s), 0 warning(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Samples_are_valid_when_the_credentials_are_set()
    {
        var environment = new Dictionary<string, string?> { ["DB_USER"] = "etl", ["DB_PASSWORD"] = "secret" };
        var run = await Aietl.RunAsync(Paths.Root, environment, "validate", Path.Combine(Paths.Root, "samples", "pipelines"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("5 file(s) checked: 0 error(s), 0 warning(s)\n", run.Output);
    }

    [Fact]
    public async Task Env_file_option_supplies_the_credentials()
    {
        using var dir = new TempDirectory();
        var env = dir.Write("ci.env", "DB_USER=etl\nDB_PASSWORD=secret\n");

        var run = await Aietl.RunAsync(Paths.Root, new Dictionary<string, string?> { ["DB_USER"] = null, ["DB_PASSWORD"] = null }, "validate", Paths.Sample("seed-csv-to-postgres.yaml"), "--env-file", env);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task The_readmes_validate_lines_do_what_it_says()
    {
        // README.md: `validate samples/pipelines/` reports the unset credentials; with the example .env it is clean.
        var readme = await File.ReadAllTextAsync(Path.Combine(Paths.Root, "README.md"), TestContext.Current.CancellationToken);
        Assert.Contains("$aietl validate samples/pipelines/ --env-file samples/pipelines/.env.example", readme, StringComparison.Ordinal);
        var unset = new Dictionary<string, string?> { ["DB_USER"] = null, ["DB_PASSWORD"] = null };

        var bare = await Aietl.RunAsync(Paths.Root, unset, "validate", "samples/pipelines/");
        var withExample = await Aietl.RunAsync(Paths.Root, unset, "validate", "samples/pipelines/", "--env-file", "samples/pipelines/.env.example");

        Assert.True(bare.ExitCode == 2, bare.ToString());
        Assert.Contains("error AIETL1013: pipeline.destination.config.username: the environment variable 'DB_USER' is not set", bare.Output, StringComparison.Ordinal);
        Assert.True(withExample.ExitCode == 0, withExample.ToString());
        Assert.Equal("5 file(s) checked: 0 error(s), 0 warning(s)\n", withExample.Output);
    }
}
