using Microsoft.Data.Sqlite;

namespace AiEtl.Cli.Tests;

/// <summary>Reads what the tool wrote into a SQLite file.</summary>
internal static class Sqlite
{
    public static long Count(string path, string table) => (long)Scalar(path, $"SELECT COUNT(*) FROM \"{table}\"")!;

    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
