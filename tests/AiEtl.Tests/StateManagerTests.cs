using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiEtl.Tests;

public sealed class StateManagerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Saved_state_reads_back_equal()
    {
        var manager = new StateManager(_directory);
        var state = SampleState(offset: 10_000);

        manager.SaveState("csv-to-postgres-pipeline", "/path/to/data.csv", state);

        Assert.Equal(state, manager.GetState("csv-to-postgres-pipeline", "/path/to/data.csv"));
    }

    [Fact]
    public void A_manager_for_one_file_keeps_the_state_in_exactly_that_file()
    {
        var file = Path.Combine(_directory, "state", "customers.json");
        var manager = StateManager.ForFile(file);
        var state = SampleState(offset: 42);

        manager.SaveState("p", "a", state, "db#customers");

        Assert.Equal(file, manager.GetStatePath("p", "a", "db#customers"));
        Assert.Equal(["customers.json"], Directory.GetFiles(Path.Combine(_directory, "state")).Select(Path.GetFileName));
        Assert.Equal(state, manager.GetState("p", "a", "db#customers"));
        manager.ClearState("p", "a", "db#customers");
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void State_file_has_the_seed_shape()
    {
        var manager = new StateManager(_directory);
        manager.SaveState("p", "a", SampleState(offset: 10_000));

        var json = JsonNode.Parse(File.ReadAllText(manager.GetStatePath("p", "a")))!.AsObject();

        Assert.Equal(
            ["pipeline_id", "adapter_type", "adapter_id", "destination_type", "destination_id", "last_run", "last_modified", "records_processed", "file_hash", "checkpoint", "metadata"],
            json.Select(p => p.Key).ToArray());
        Assert.Equal(["offset", "last_record_id", "custom_state"], json["checkpoint"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal(["version", "created_at"], json["metadata"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("2025-01-08T10:30:00+00:00", json["last_run"]!.GetValue<string>());
        Assert.Equal(10_000, json["checkpoint"]!["offset"]!.GetValue<long>());
        Assert.Equal(123, json["checkpoint"]!["custom_state"]!["byte_offset"]!.GetValue<long>());
    }

    [Fact]
    public void Missing_state_is_null()
    {
        Assert.Null(new StateManager(_directory).GetState("p", "never-saved"));
    }

    [Fact]
    public void A_crash_between_temp_write_and_rename_leaves_the_previous_state()
    {
        var manager = new StateManager(_directory);
        manager.SaveState("p", "a", SampleState(offset: 1));
        manager.BeforeReplace = _ => throw new IOException("simulated crash before the rename");

        Assert.Throws<StateException>(() => manager.SaveState("p", "a", SampleState(offset: 2)));

        manager.BeforeReplace = null;
        Assert.Equal(1, manager.GetState("p", "a")!.Checkpoint.Offset);
        manager.SaveState("p", "a", SampleState(offset: 3));
        Assert.Equal(3, manager.GetState("p", "a")!.Checkpoint.Offset);
    }

    [Fact]
    public void A_torn_temp_file_does_not_hide_the_state()
    {
        var manager = new StateManager(_directory);
        manager.SaveState("p", "a", SampleState(offset: 7));
        File.WriteAllText(manager.GetStatePath("p", "a") + ".tmp", "{\"pipeline_id\": \"p\", \"chec");

        Assert.Equal(7, manager.GetState("p", "a")!.Checkpoint.Offset);
    }

    [Fact]
    public void A_corrupt_state_file_names_the_file_and_line()
    {
        var manager = new StateManager(_directory);
        var path = manager.GetStatePath("p", "a");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{\n  \"pipeline_id\": \"p\",\n  oops\n}");

        var error = Assert.Throws<StateException>(() => manager.GetState("p", "a"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Location!.Line);
    }

    [Fact]
    public void Clear_state_forces_a_full_run()
    {
        var manager = new StateManager(_directory);
        manager.SaveState("p", "a", SampleState(offset: 1));

        manager.ClearState("p", "a");

        Assert.Null(manager.GetState("p", "a"));
    }

    [Fact]
    public void Different_adapters_get_different_files()
    {
        var manager = new StateManager(_directory);

        Assert.NotEqual(manager.GetStatePath("p", "/a/b.csv"), manager.GetStatePath("p", "/a_b.csv"));
    }

    private static PipelineState SampleState(long offset) => new()
    {
        PipelineId = "csv-to-postgres-pipeline",
        AdapterType = "csv",
        AdapterId = "/path/to/data.csv",
        LastRun = new DateTimeOffset(2025, 1, 8, 10, 30, 0, TimeSpan.Zero),
        LastModified = new DateTimeOffset(2025, 1, 7, 15, 20, 0, TimeSpan.Zero),
        RecordsProcessed = offset,
        FileHash = "sha256:abc123",
        Checkpoint = new Checkpoint
        {
            Offset = offset,
            LastRecordId = $"rec-{offset}",
            CustomState = new() { ["byte_offset"] = JsonSerializer.SerializeToElement(123L) },
        },
        Metadata = new StateMetadata { Version = "1.0", CreatedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) },
    };
}
