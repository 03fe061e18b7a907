namespace AiEtl.IntegrationTests.Crash;

/// <summary>
/// The input of every trial of a test class, generated once (deterministic seed) into a temp folder: 200,000
/// customers, 40 bad rows spread over the file (a non-numeric age or an impossible date, which the typed CSV source
/// rejects into the dead-letter file) and about 1 % of rows repeating an earlier id with other values. It knows the
/// oracle of each mode, and keeps each case's unkilled run (the calibration of the random-time kills).
/// </summary>
public sealed class CrashInput : IDisposable
{
    public const int Rows = 200_000;
    public const int BatchSize = 500; // the consumer's PipelineOptions.BatchSize
    public const int BadRows = 40;

    private readonly Dictionary<string, Lazy<Task<Calibration>>> _calibrations = [];

    public CrashInput()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("aietl-crash-").FullName;
        Path = System.IO.Path.Combine(Directory, "customers.csv");
        var random = new Random(20261203);
        var good = new List<CustomerRow>(Rows);
        var badLines = new HashSet<long>();
        var ids = new int[Rows];
        var nextId = 1;
        using (var writer = new StreamWriter(Path))
        {
            writer.Write("id,name,email,age,signup_date,score\n");
            for (var i = 0; i < Rows; i++)
            {
                ids[i] = i > 0 && random.NextDouble() < 0.01 ? ids[random.Next(i)] : nextId++;
                var row = new CustomerRow(
                    ids[i],
                    $"Customer {i}",
                    $"c{i}.{random.Next(1000)}@example.com",
                    random.Next(18, 91),
                    new DateOnly(2015, 1, 1).AddDays(random.Next(3650)),
                    random.Next(0, 10_000_000) / 100m);
                var line = row.CsvLine;
                var bad = (i - 1_000) % (Rows / BadRows) == 0 && i >= 1_000;
                if (bad)
                {
                    // Line numbers count the header as line 1, as the dead-letter entries do.
                    badLines.Add(i + 2);
                    var fields = line.Split(',');
                    if (badLines.Count % 2 == 0)
                    {
                        fields[3] = "forty";
                    }
                    else
                    {
                        fields[4] = badLines.Count % 4 == 1 ? "2021-02-30" : "2021-13-15";
                    }

                    line = string.Join(',', fields);
                }
                else
                {
                    good.Add(row);
                }

                writer.Write(line);
                writer.Write('\n');
            }
        }

        Good = good;
        BadLines = badLines;

        // From the file as written, not from the generator's constants: the records the source will read.
        var records = File.ReadLines(Path).Count() - 1;
        TotalCommits = (records + BatchSize - 1) / BatchSize;
    }

    public string Directory { get; }

    /// <summary>The input CSV.</summary>
    public string Path { get; }

    /// <summary>The rows the source reads, in file order.</summary>
    internal IReadOnlyList<CustomerRow> Good { get; }

    /// <summary>The lines of the rows it rejects.</summary>
    public IReadOnlySet<long> BadLines { get; }

    /// <summary>Commits of a run from the start: one per batch of 500 read records, bad ones included.</summary>
    public int TotalCommits { get; }

    /// <summary>What the destination must hold after a completed run, as a multiset of rows.</summary>
    internal IReadOnlyList<CustomerRow> Oracle(string mode) => mode switch
    {
        "append" or "replace" => Good,
        "dedup" => Good.DistinctBy(row => row.Id).ToList(),
        "merge" => Good.AsEnumerable().Reverse().DistinctBy(row => row.Id).ToList(),
        _ => throw new ArgumentException($"unknown mode {mode}", nameof(mode)),
    };

    /// <summary>The case's unkilled run, made once by <paramref name="run"/>.</summary>
    internal Task<Calibration> Calibrate(string destination, string mode, Func<Task<Calibration>> run)
    {
        lock (_calibrations)
        {
            var key = $"{destination}/{mode}";
            if (!_calibrations.TryGetValue(key, out var calibration))
            {
                _calibrations[key] = calibration = new Lazy<Task<Calibration>>(run);
            }

            return calibration.Value;
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>What an unkilled run of a case showed: how long it loaded, how many commits it said, and its verdict.</summary>
internal sealed record Calibration(TimeSpan Duration, int CommitPoints, string? Failure);
