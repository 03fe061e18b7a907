using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AiEtl.Packaging.Tests;

/// <summary>Reads what a consumer wrote into a SQLite file: each row of a query as its values joined by '|', NULL as nothing.</summary>
public static class SqliteRows
{
    public static List<string> Read(string database, string query)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
