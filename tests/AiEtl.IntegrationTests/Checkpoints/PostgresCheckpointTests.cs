using AiEtl.IntegrationTests.Postgres;
using AiEtl.Postgres;

namespace AiEtl.IntegrationTests.Checkpoints;

public sealed class PostgresCheckpointTests : DatabaseCheckpointScenarios, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new("checkpoints");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Dispose();
    }

    protected override IDestination<Member> Destination(string table, WriteMode mode, SchemaMode schemaMode = SchemaMode.CreateIfMissing) =>
        new PostgresDestination<Member>(_database.Destination(table) with { WriteMode = mode, SchemaMode = schemaMode });

    protected override List<string> Rows(string table) =>
        _database.Strings($"SELECT id || ':' || name FROM \"{_database.Schema}\".\"{table}\" ORDER BY id");

    protected override string? CommittedState(string table) =>
        _database.Strings($"SELECT state FROM \"{_database.Schema}\".aietl_checkpoints WHERE target_table = '{table}'").SingleOrDefault();
}
