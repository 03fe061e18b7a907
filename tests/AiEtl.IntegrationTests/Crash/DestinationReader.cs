using System.Text.Json;
using AiEtl.IntegrationTests.Postgres;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AiEtl.IntegrationTests.Crash;

/// <summary>Reads what a trial's destination holds back into rows, with each store's own client (never through AiEtl).</summary>
internal static class DestinationReader
{
    public static List<CustomerRow> Read(string destination, string workDirectory, PostgresTestDatabase? postgres) => destination switch
    {
        "sqlite" => Sqlite(Path.Combine(workDirectory, "out.db")),
        "postgres" => Postgres(postgres ?? throw new ArgumentNullException(nameof(postgres))),
        "jsonl" => JsonLines(Path.Combine(workDirectory, "out.jsonl")),
        "csv" => Csv(Path.Combine(workDirectory, "out.csv")),
        _ => throw new ArgumentException($"unknown destination {destination}", nameof(destination)),
    };

    private static List<CustomerRow> Sqlite(string path)
    {
        var rows = new List<CustomerRow>();
        if (!File.Exists(path))
        {
            return rows;
        }

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'customers'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return rows;
        }

        command.CommandText = "SELECT id, name, email, age, signup_date, CAST(score AS TEXT) FROM customers";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new CustomerRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), CustomerRow.Date(reader.GetString(4)), CustomerRow.Number(reader.GetString(5))));
        }

        return rows;
    }

    private static List<CustomerRow> Postgres(PostgresTestDatabase database)
    {
        var rows = new List<CustomerRow>();
        using var connection = database.Open();
        using var exists = new NpgsqlCommand($"SELECT to_regclass('\"{database.Schema}\".customers') IS NOT NULL", connection);
        if (!(bool)exists.ExecuteScalar()!)
        {
            return rows;
        }

        using var command = new NpgsqlCommand($"SELECT id, name, email, age, signup_date, score FROM \"{database.Schema}\".customers", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new CustomerRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<DateOnly>(4), reader.GetDecimal(5)));
        }

        return rows;
    }

    private static List<CustomerRow> JsonLines(string path)
    {
        var rows = new List<CustomerRow>();
        if (!File.Exists(path))
        {
            return rows;
        }

        foreach (var line in File.ReadLines(path))
        {
            var row = JsonDocument.Parse(line).RootElement;
            rows.Add(new CustomerRow(
                row.GetProperty("id").GetInt32(),
                row.GetProperty("name").GetString()!,
                row.GetProperty("email").GetString()!,
                row.GetProperty("age").GetInt32(),
                CustomerRow.Date(row.GetProperty("signup_date").GetString()!),
                row.GetProperty("score").GetDecimal()));
        }

        return rows;
    }

    private static List<CustomerRow> Csv(string path)
    {
        var rows = new List<CustomerRow>();
        if (!File.Exists(path))
        {
            return rows;
        }

        using var csv = CsvReader.FromFile(path);
        while (csv.Read())
        {
            var row = csv.Current.ToDictionary();
            rows.Add(new CustomerRow(
                int.Parse(row["id"]!, System.Globalization.CultureInfo.InvariantCulture),
                row["name"]!,
                row["email"]!,
                int.Parse(row["age"]!, System.Globalization.CultureInfo.InvariantCulture),
                CustomerRow.Date(row["signup_date"]!),
                CustomerRow.Number(row["score"]!)));
        }

        return rows;
    }
}
