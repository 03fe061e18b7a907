using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AiEtl.Cli.Tests;

/// <summary>Reads the customers a kill trial's destination holds; a table or file that does not exist yet holds none.</summary>
internal static class KillRows
{
    public static List<KillRow> FromSqlite(string path)
    {
        var rows = new List<KillRow>();
        if (!File.Exists(path) || Sqlite.Scalar(path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'customers'") is 0L)
        {
            return rows;
        }

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // A NUMERIC column stores 12.50 as the number 12.5 (docs/type-mapping.md): read its text, compare by value.
        command.CommandText = "SELECT id, name, email, CAST(amount AS TEXT), signup_date FROM customers";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new KillRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), decimal.Parse(reader.GetString(3), NumberStyles.Float, CultureInfo.InvariantCulture), DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public static async Task<List<KillRow>> FromPostgresAsync(string connectionString, string schema)
    {
        var rows = new List<KillRow>();
        var token = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(token);
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('\"{schema}\".customers') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(token))!)
        {
            return rows;
        }

        await using var command = new NpgsqlCommand($"SELECT id, name, email, amount, signup_date FROM \"{schema}\".customers", connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            rows.Add(new KillRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetFieldValue<DateOnly>(4)));
        }

        return rows;
    }

    public static List<KillRow> FromJsonLines(string path)
    {
        var rows = new List<KillRow>();
        if (!File.Exists(path))
        {
            return rows;
        }

        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var row = json.RootElement;
            rows.Add(new KillRow(
                row.GetProperty("id").GetInt64(),
                row.GetProperty("name").GetString()!,
                row.GetProperty("email").GetString()!,
                row.GetProperty("amount").GetDecimal(),
                DateOnly.ParseExact(row.GetProperty("signup_date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
