using Microsoft.Data.Sqlite;

namespace AiEtl.Cli.Tests;

/// <summary>Reads what the tool wrote into a SQLite file.</summary>
internal static class Sqlite
{
    public static long Count(string path, string table) => (long)Scalar(path, $"SELECT COUNT(*) FROM \"{table}\"")!;

    public static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Every row of <paramref name="sql"/>, each value as text (NULL as the empty string).</summary>
    public static string[][] Rows(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        }

        return [.. rows];
    }

    /// <summary>The table's columns as <c>name TYPE [NOT NULL]</c>, in order.</summary>
    public static string[] Columns(string path, string table) =>
        [.. Rows(path, $"SELECT name || ' ' || type || CASE WHEN \"notnull\" THEN ' NOT NULL' ELSE '' END FROM pragma_table_info('{table}')").Select(row => row[0])];

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
