using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;
using static AiEtl.IntegrationTests.Sqlite.SqliteTestFile;

namespace AiEtl.IntegrationTests.Checkpoints;

public sealed class SqliteCheckpointTests : DatabaseCheckpointScenarios
{
    private string DatabasePath => Path.Combine(Directory, "members.db");

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        base.Dispose();
    }

    protected override IDestination<Member> Destination(string table, WriteMode mode, SchemaMode schemaMode = SchemaMode.CreateIfMissing) =>
        new SqliteDestination<Member>(new SqliteDestinationOptions(DatabasePath) { Table = table, WriteMode = mode, SchemaMode = schemaMode });

    protected override List<string> Rows(string table)
    {
        using var connection = Open(DatabasePath);
        return Strings(connection, $"SELECT id || ':' || name FROM \"{table}\" ORDER BY id");
    }

    protected override string? CommittedState(string table)
    {
        using var connection = Open(DatabasePath);
        return Strings(connection, $"SELECT state FROM aietl_checkpoints WHERE target_table = '{table}'").SingleOrDefault();
    }
}
