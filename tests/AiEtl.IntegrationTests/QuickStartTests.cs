using System.Globalization;
using CsvHelper;
using Microsoft.Data.Sqlite;

namespace AiEtl.IntegrationTests;

/// <summary>Runs the README's first command (the built QuickStart program) and checks the database it makes.</summary>
public sealed class QuickStartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-quickstart-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Loads_the_sample_customers_into_sqlite()
    {
        var expected = ReadSampleIndependently();

        var (exitCode, output) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.QuickStartDll, "--out", "out");

        Assert.True(exitCode == 0, output);
        Assert.Contains("succeeded", output, StringComparison.Ordinal);
        Assert.Contains($"extracted    {expected.Rows,8:N0} rows", output, StringComparison.Ordinal);
        using var connection = Open(Path.Combine(_directory, "out", "quickstart.db"));

        Assert.Equal(expected.DistinctIds, Scalar<long>(connection, "SELECT count(*) FROM customers"));
        Assert.Equal(
            ["id INTEGER", "email TEXT", "name TEXT", "age INTEGER", "signup_date TEXT", "last_login TEXT", "balance NUMERIC", "country TEXT", "active INTEGER", "tags TEXT"],
            Column<string>(connection, "SELECT name || ' ' || type FROM pragma_table_info('customers') ORDER BY cid"));
        Assert.Equal(1, Scalar<long>(connection, "SELECT pk FROM pragma_table_info('customers') WHERE name = 'id'"));
        Assert.Equal(expected.EmptyAgesAmongFirstOccurrences, Scalar<long>(connection, "SELECT count(*) FROM customers WHERE age IS NULL"));
        Assert.Equal(0, Scalar<long>(connection, "SELECT count(*) FROM customers WHERE age IS NOT NULL AND typeof(age) <> 'integer'"));

        // A duplicated id keeps its first row.
        var (id, firstEmail) = expected.FirstDuplicate;
        Assert.Equal(firstEmail, Scalar<string>(connection, $"SELECT email FROM customers WHERE id = {id}"));

        // Values arrive exactly: the first row, field by field.
        var first = expected.FirstRow;
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT email, name, age, signup_date, last_login, balance, country, active, tags FROM customers WHERE id = {first["id"]}";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(first["email"], reader.GetString(0));
        Assert.Equal(first["name"], reader.GetString(1));
        Assert.Equal(first["signup_date"], reader.GetString(3));
        Assert.Equal(DateTime.Parse(first["last_login"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), DateTime.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        Assert.Equal(decimal.Parse(first["balance"], CultureInfo.InvariantCulture), reader.GetDecimal(5));
        Assert.Equal(first["country"], reader.GetString(6));
        Assert.Equal(first["active"] == "true" ? 1 : 0, reader.GetInt64(7));
        Assert.Equal(first["tags"], reader.GetString(8));
    }

    [Fact]
    public async Task Running_twice_gives_the_same_table()
    {
        var database = Path.Combine(_directory, "out", "quickstart.db");
        await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.QuickStartDll, "--out", "out");
        var (exitCode, output) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.QuickStartDll, "--out", "out");

        Assert.True(exitCode == 0, output);
        using var connection = Open(database);
        Assert.Equal(ReadSampleIndependently().DistinctIds, Scalar<long>(connection, "SELECT count(*) FROM customers"));
    }

    [Fact]
    public async Task A_csv_missing_a_declared_column_is_a_clear_error_naming_column_and_file()
    {
        var input = Path.Combine(_directory, "no-country.csv");
        File.WriteAllText(input, "id,email,name,age,signup_date,last_login,balance,active,tags\n1,a@b.c,A,30,2024-01-01,2024-01-02T00:00:00Z,1.00,true,[]\n");

        var (exitCode, output) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.QuickStartDll, "--input", input, "--out", "out");

        Assert.Equal(1, exitCode);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
        Assert.Contains($"{input}(1): the header has no column 'country' declared by customers", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_rows_go_to_the_dead_letter_file_and_the_good_ones_load()
    {
        var input = Path.Combine(_directory, "some-bad.csv");
        File.WriteAllText(input, """"
            id,email,name,age,signup_date,last_login,balance,country,active,tags
            1,a@b.c,A,30,2024-01-01,2024-01-02T00:00:00Z,1.00,DE,true,[]
            2,b@b.c,B,thirty,2024-01-01,2024-01-02T00:00:00Z,1.00,DE,true,[]
            3,c@b.c,C,31,2024-01-01,2024-01-02T00:00:00Z,1.00,DE,maybe,[]
            4,d@b.c,D,32,2024-01-01,2024-01-02T00:00:00Z,1.00,DE,false,"[""x"""
            5,e@b.c,E,33,2024-01-01,2024-01-02T00:00:00Z,1.00,DE,false,"[""ok""]"

            """".ReplaceLineEndings("\n"));

        var (exitCode, output) = await ProcessRunner.RunDotnetAsync(_directory, RepositoryPaths.QuickStartDll, "--input", input, "--out", "out");

        Assert.True(exitCode == 0, output);
        using var connection = Open(Path.Combine(_directory, "out", "quickstart.db"));
        Assert.Equal([1L, 5L], Column<long>(connection, "SELECT id FROM customers ORDER BY id"));
        var deadLetters = File.ReadAllLines(Path.Combine(_directory, "out", "quickstart-errors.jsonl"));
        Assert.Equal(3, deadLetters.Length);
        Assert.Contains("column 'age': 'thirty' is not a 32-bit integer", deadLetters[0], StringComparison.Ordinal);
        Assert.Contains("column 'active': 'maybe' is not a boolean", deadLetters[1], StringComparison.Ordinal);
        Assert.Contains("column 'tags'", deadLetters[2], StringComparison.Ordinal);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static List<T> Column<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    // Reads the sample with CsvHelper's own dictionary API, independently of the generated code under test.
    private static SampleFacts ReadSampleIndependently()
    {
        using var csv = CsvReader.FromFile(RepositoryPaths.SampleData("customers.csv"));
        var seen = new Dictionary<string, string>();
        Dictionary<string, string>? firstRow = null;
        (int, string)? firstDuplicate = null;
        var rows = 0;
        var emptyAges = 0;
        while (csv.Read())
        {
            rows++;
            var row = csv.Current.ToDictionary().ToDictionary(p => p.Key, p => p.Value ?? "");
            firstRow ??= row;
            if (seen.TryAdd(row["id"], row["email"]))
            {
                emptyAges += row["age"].Length == 0 ? 1 : 0;
            }
            else
            {
                firstDuplicate ??= (int.Parse(row["id"], CultureInfo.InvariantCulture), seen[row["id"]]);
            }
        }

        return new SampleFacts(rows, seen.Count, emptyAges, firstDuplicate ?? throw new InvalidOperationException("the sample has no duplicate id"), firstRow!);
    }

    private sealed record SampleFacts(int Rows, int DistinctIds, int EmptyAgesAmongFirstOccurrences, (int Id, string Email) FirstDuplicate, Dictionary<string, string> FirstRow);
}
