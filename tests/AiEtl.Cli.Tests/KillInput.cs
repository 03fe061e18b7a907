using System.Globalization;

namespace AiEtl.Cli.Tests;

/// <summary>
/// The input of every kill trial of a test class, generated once (fixed seed): 200,000 customers, about 1 % of them
/// repeating an earlier id with other values (the pipeline's deduplicator keeps the first), 20 rows whose amount is
/// not a number (the source skips them into the dead-letter file), and names with quotes and commas. The oracle is
/// computed back from the file as written, not from the generator.
/// </summary>
public sealed class KillInput : IDisposable
{
    public const int Rows = 200_000;
    public const int BatchSize = 5_000;
    public const int BadRows = 20;

    private readonly TempDirectory _directory = new();

    public KillInput()
    {
        Path = _directory.File("customers.csv");
        var random = new Random(20261204);
        var ids = new long[Rows];
        var nextId = 1L;
        using (var writer = new StreamWriter(Path))
        {
            writer.Write("id,name,email,amount,signup_date\n");
            for (var i = 0; i < Rows; i++)
            {
                ids[i] = i > 0 && random.NextDouble() < 0.01 ? ids[random.Next(i)] : nextId++;
                var name = i % 7 == 0 ? $"\"Customer, \"\"{i}\"\"\"" : $"Customer {i}";
                var amount = i % (Rows / BadRows) == 4_321 ? "n/a" : (random.Next(0, 10_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                var date = new DateOnly(2015, 1, 1).AddDays(random.Next(3650)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                writer.Write($"{ids[i]},{name},c{i}@example.com,{amount},{date}\n");
            }
        }

        var good = new List<KillRow>(Rows);
        var badLines = new HashSet<long>();
        var line = 1L; // the header; dead-letter entries count lines from 1 as well
        foreach (var text in File.ReadLines(Path).Skip(1))
        {
            line++;
            var fields = CsvText.Fields(text);
            if (!decimal.TryParse(fields[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                badLines.Add(line);
                continue;
            }

            good.Add(new KillRow(long.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], fields[2], value, DateOnly.ParseExact(fields[4], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        Expected = good.DistinctBy(row => row.Id).ToList();
        BadLines = badLines;
        TotalCommits = (int)((line - 1 + BatchSize - 1) / BatchSize);
    }

    /// <summary>The input CSV.</summary>
    public string Path { get; }

    /// <summary>What the destination must hold after a completed run: the first good row of each id.</summary>
    internal IReadOnlyList<KillRow> Expected { get; }

    /// <summary>The lines the source rejects, each of which the dead-letter file must hold once.</summary>
    public IReadOnlySet<long> BadLines { get; }

    /// <summary>Commits of a run from the start: one per batch of read records, bad ones included.</summary>
    public int TotalCommits { get; }

    public void Dispose() => _directory.Dispose();
}
