using AiEtl.Csv;
using BenchmarkDotNet.Attributes;

namespace AiEtl.Benchmarks.Records;

/// <summary>
/// The cost of the generated <c>Validate</c> per row: the 10,000 customers of samples/data/customers.csv, read once,
/// checked against a pattern, three ranges, an allowed-values list and not-null, in the way <see cref="Validator{T}"/> does.
/// </summary>
[Config(typeof(InProcessConfig))]
public class ValidationBenchmarks
{
    private ValidatedCustomer[] _rows = [];

    /// <summary>Reads the rows once.</summary>
    [GlobalSetup]
    public void ReadRows()
    {
        var rows = new List<ValidatedCustomer>();
        foreach (var batch in new CsvSource<ValidatedCustomer>(BenchmarkData.SmallCustomers).ReadAsync(new ReadContext(1000, new CountingSink())).ToBlockingEnumerable())
        {
            rows.AddRange(batch.Rows.ToArray());
        }

        _rows = [.. rows];
        if (_rows.Length != CustomerCsvParsingBenchmarks.Rows)
        {
            throw new InvalidOperationException($"read {_rows.Length} rows");
        }
    }

    /// <summary>Validates every row (all of them are valid); returns how many broke a constraint.</summary>
    [Benchmark(OperationsPerInvoke = CustomerCsvParsingBenchmarks.Rows)]
    public int GeneratedValidate()
    {
        var violations = new ViolationList();
        var invalid = 0;
        foreach (ref readonly var row in _rows.AsSpan())
        {
            violations.Clear();
            ValidatedCustomer.Validate(in row, ref violations);
            invalid += violations.Count == 0 ? 0 : 1;
        }

        return invalid;
    }

    /// <summary>Ignores bad rows (the file has none).</summary>
    private sealed class CountingSink : IRowErrorSink
    {
        public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
