using System.Globalization;
using System.Text;
using System.Text.Json;
using AiEtl.Csv;
using CsvHelper;

namespace AiEtl.Tests.Inference;

/// <summary>
/// A batch counts its rows a column at a time, through each column's cache: the columns come out as counting every field
/// in row order, each classified from scratch, gives them (counts, first examples with their rows, tokens, ranges), on
/// ragged rows (short rows leave later columns out) over several batches sharing their caches.
/// </summary>
public sealed class CsvSampleBatchTests
{
    private const int Batches = 4;
    private const int RowsPerBatch = 2500;

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void A_batch_counts_what_counting_each_field_in_row_order_gives(int seed, bool sentinels)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, Batches * RowsPerBatch).Select(_ => Row(random)).ToList();
        var options = new CsvSourceOptions("batch.csv") { HasHeader = false, NullValues = ["NULL"] };
        var nullValues = options.NullValues.ToHashSet(StringComparer.Ordinal);
        var kinds = new ValueKinds(options);

        var counted = new List<ColumnStats>();
        var caches = new List<CountedValueCache>();
        var batch = new CsvSampleBatch();
        using (var csv = Reader(rows, options))
        {
            long row = 0;
            while (csv.Read())
            {
                batch.Add(csv, ++row, null);
                if (batch.Rows == RowsPerBatch)
                {
                    MergeInto(counted, batch.Count(kinds, caches, nullValues, sentinels));
                    batch.Clear();
                }
            }
        }

        Assert.Equal(0, batch.Rows);
        batch.Release();
        Assert.Equal(Render(RowByRow(rows, options, nullValues, sentinels)), Render(counted));
    }

    // The reference: every field in row order, classified afresh (no cache), into its column.
    private static List<ColumnStats> RowByRow(List<string[]> rows, CsvSourceOptions options, HashSet<string> nullValues, bool sentinels)
    {
        var kinds = new ValueKinds(options);
        var nulls = new NullValues(nullValues);
        var columns = new List<ColumnStats>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < rows[r].Length; i++)
            {
                if (columns.Count == i)
                {
                    columns.Add(new ColumnStats(sentinels));
                }

                var value = rows[r][i];
                if (value.Length == 0)
                {
                    columns[i].Nulls++;
                    continue;
                }

                var bytes = Encoding.UTF8.GetBytes(value);
                columns[i].Add(CountedValue.Of(value, bytes, kinds, nulls, sentinels), bytes, r + 1, null);
            }
        }

        return columns;
    }

    private static void MergeInto(List<ColumnStats> counted, List<ColumnStats> batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (i == counted.Count)
            {
                counted.Add(batch[i]);
            }
            else
            {
                counted[i].Merge(batch[i]);
            }
        }
    }

    private static string Render(List<ColumnStats> columns)
    {
        var text = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            var (field, evidence) = columns[i].ToField($"c{i}", Batches * RowsPerBatch, "values", 0.9, [false, false]);
            text.Append(CultureInfo.InvariantCulture, $"{columns[i].Nulls} {columns[i].Values} {columns[i].Tokens} {field}\n{JsonSerializer.Serialize(evidence)}\n");
        }

        return text.ToString();
    }

    // One to eight fields; each column draws from its own mix, so some caches keep their values and some give up.
    private static string[] Row(Random random)
    {
        var fields = new string[random.Next(1, 9)];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = (i % 4) switch
            {
                0 => Few[random.Next(Few.Length)],
                1 => random.Next(4) == 0 ? Few[random.Next(Few.Length)] : Unique(random),
                2 => DateOnly.FromDayNumber(738_000 + random.Next(400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => random.Next(3) == 0 ? Unique(random) : (random.Next(2000) - 1000).ToString(CultureInfo.InvariantCulture),
            };
        }

        return fields;
    }

    private static readonly string[] Few =
    [
        "", "NULL", "NA", "n/a", "-", "?", "0", "-0", "1", "01", "-9999", "99", "1.5", "1,234.50", "3,5", "true", "False", "yes",
        "2024-01-31", "2024-01-31T12:00:00Z", "12:00", "2024-05", "1999", "[1,2]", "{\"a\":1}", "Zürich", " 12 ", "1e5", "x\"y",
    ];

    private static string Unique(Random random) => random.Next(5) switch
    {
        0 => (random.NextDouble() * 10_000).ToString("0.##", CultureInfo.InvariantCulture),
        1 => $"user{random.Next(1_000_000)}@example.net",
        2 => new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(100_000_000)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        3 => random.NextInt64().ToString(CultureInfo.InvariantCulture),
        _ => new string((char)('a' + random.Next(26)), random.Next(1, 30)),
    };

    private static CsvReader Reader(List<string[]> rows, CsvSourceOptions options)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            // A row of one empty field is written quoted: an empty line is no row.
            text.AppendJoin(',', row.Select(v => v.Length > 0 || row.Length == 1 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v)).Append('\n');
        }

        return CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), CsvSample.ReaderOptions(options, hasHeader: false));
    }
}
