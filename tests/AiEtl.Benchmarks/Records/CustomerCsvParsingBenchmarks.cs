using System.Globalization;
using AiEtl.Csv;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using nietras.SeparatedValues;

namespace AiEtl.Benchmarks.Records;

/// <summary>
/// Reads the 10,000 rows of samples/data/customers.csv into the 10-column customer struct four ways: the AiEtl
/// generated path (<see cref="CsvSource{T}"/>), CsvHelper's own generated record mapping, a hand-written
/// <see cref="string.Split(char, StringSplitOptions)"/> + Parse loop, and Sep with the struct filled by hand (the
/// ceiling). Each operation reads the whole file; times and allocations are per row (OperationsPerInvoke).
/// </summary>
[Config(typeof(InProcessConfig))]
public class CustomerCsvParsingBenchmarks
{
    /// <summary>The data rows of samples/data/customers.csv.</summary>
    public const int Rows = 10_000;

    private readonly string _path = BenchmarkData.SmallCustomers;

    /// <summary>Checks that every reader sees the same rows.</summary>
    [GlobalSetup]
    public void CheckInput()
    {
        var expected = HandWrittenSplit();
        foreach (var (name, actual) in new[] { ("AiEtl", AiEtlGenerated().GetAwaiter().GetResult()), ("CsvHelper", CsvHelperRecordMapping()), ("Sep", SepByHand()) })
        {
            if (actual != expected)
            {
                throw new InvalidOperationException($"{name} read a checksum of {actual}, the hand-written loop {expected}: the readers disagree.");
            }
        }
    }

    /// <summary>AiEtl: CsvSource over the generated ReadFields.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public async Task<long> AiEtlGenerated()
    {
        var source = new CsvSource<CustomerRow>(_path);
        var sum = 0L;
        var count = 0;
        await foreach (var batch in source.ReadAsync(new ReadContext(1000, ThrowingSink.Instance)))
        {
            foreach (var row in batch.Rows)
            {
                sum += Checksum(row);
                count++;
            }

            // The engine returns each batch's pooled array once the destination has it.
            batch.Release();
        }

        return Checked(sum, count);
    }

    /// <summary>CsvHelper 34: GetRecords over its source-generated mapper.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long CsvHelperRecordMapping()
    {
        using var csv = CsvReader.FromFile(_path);
        var sum = 0L;
        var count = 0;
        foreach (var row in csv.GetRecords<CsvHelperCustomer>())
        {
            sum += Checksum(new CustomerRow(row.Id, row.Email, row.Name, row.Age, row.SignupDate, row.LastLogin, row.Balance, row.Country, row.Active, row.Tags));
            count++;
        }

        return Checked(sum, count);
    }

    /// <summary>A hand-written loop: File.ReadLines, string.Split (re-joining quoted fields), Parse.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long HandWrittenSplit()
    {
        var sum = 0L;
        var count = 0;
        foreach (var line in File.ReadLines(_path).Skip(1))
        {
            var f = SplitQuoted(line);
            var row = new CustomerRow(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                f[1],
                f[2],
                f[3].Length == 0 ? null : int.Parse(f[3], CultureInfo.InvariantCulture),
                DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime.Parse(f[5], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                decimal.Parse(f[6], CultureInfo.InvariantCulture),
                f[7],
                bool.Parse(f[8]),
                f[9]);
            sum += Checksum(row);
            count++;
        }

        return Checked(sum, count);
    }

    /// <summary>Sep 0.17 (the fastest .NET CSV parser) with the struct filled by hand: the ceiling.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long SepByHand()
    {
        using var reader = Sep.Reader(options => options with { Unescape = true }).FromFile(_path);
        var sum = 0L;
        var count = 0;
        foreach (var record in reader)
        {
            var age = record[3].Span;
            var row = new CustomerRow(
                record[0].Parse<int>(),
                record[1].ToString(),
                record[2].ToString(),
                age.IsEmpty ? null : int.Parse(age, CultureInfo.InvariantCulture),
                DateOnly.ParseExact(record[4].Span, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime.Parse(record[5].Span, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                record[6].Parse<decimal>(),
                record[7].ToString(),
                bool.Parse(record[8].Span),
                record[9].ToString());
            sum += Checksum(row);
            count++;
        }

        return Checked(sum, count);
    }

    // Uses every field, so that no reader can skip work, and lets the setup compare the readers.
    private static long Checksum(in CustomerRow row) =>
        row.Id + row.Email.Length + row.Name.Length + (row.Age ?? -1) + row.SignupDate.DayNumber + (row.LastLogin.Ticks % 1_000_003)
        + (long)row.Balance + row.Country[0] + (row.Active ? 1 : 0) + row.Tags.Length;

    private static long Checked(long sum, int count) =>
        count == Rows ? sum : throw new InvalidOperationException($"read {count} rows, expected {Rows}");

    // string.Split on commas, then re-joins the pieces of a quoted field that held commas and undoubles its quotes.
    private static string[] SplitQuoted(string line)
    {
        var pieces = line.Split(',');
        var fields = new List<string>(10);
        for (var i = 0; i < pieces.Length; i++)
        {
            var field = pieces[i];
            if (field.StartsWith('"'))
            {
                while (!(field.Length > 1 && field.EndsWith('"') && (field.Length - field.TrimEnd('"').Length) % 2 == 1))
                {
                    field += "," + pieces[++i];
                }

                field = field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            fields.Add(field);
        }

        return [.. fields];
    }

    /// <summary>Fails the benchmark on the first bad row: the input has none.</summary>
    private sealed class ThrowingSink : IRowErrorSink
    {
        public static readonly ThrowingSink Instance = new();

        public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(error.FullMessage);
    }
}
