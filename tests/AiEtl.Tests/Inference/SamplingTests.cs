using System.Text;
using AiEtl.Csv;

namespace AiEtl.Tests.Inference;

/// <summary>Where the sample comes from: the start and evenly spread byte offsets of a plain file, or every row with a full scan.</summary>
public sealed class SamplingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-sampling-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_trap_after_the_first_rows_is_found_by_the_spread_sample_and_the_share_seen_is_reported()
    {
        // Sorted descending: the codes with a leading zero are only in the last fifth of the file.
        static string Row(int i) => $"{(i < 40_000 ? 99_999 - i : 9_999 - ((i - 40_000) % 9_000)):00000},{i % 100}.25\n";
        var path = Write("areas.csv", "area,amount\n", 50_000, Row);
        var firstRows = Write("first-rows.csv", "area,amount\n", 1000, Row);

        var spread = CsvSchemaInference.Analyze(new CsvSourceOptions(path), new SchemaInferenceOptions { SampleSize = 1000 });
        var head = CsvSchemaInference.Infer(new CsvSourceOptions(firstRows));

        Assert.Equal(FieldType.Integer, head.GetField("area")!.Type); // what a sample of the first rows alone would say
        Assert.True(spread.SpreadThroughFile);
        Assert.False(spread.ReadWholeFile);
        Assert.InRange(spread.SampledRows, 990, 1000);
        Assert.InRange(spread.ShareSeen!.Value, 0.01, 0.05);
        var area = spread.Columns[0];
        Assert.Equal(FieldType.String, area.Type);
        Assert.Contains("leading zeros", area.Rule, StringComparison.Ordinal);
        var leadingZeros = Assert.Single(area.Classes, c => c.Class == "digits with a leading zero");
        Assert.All(leadingZeros.Examples, e => Assert.True(e.Row is null && e.ByteOffset > new FileInfo(path).Length * 3 / 4, e.ToString()));
        Assert.Equal(FieldType.Decimal, spread.Columns[1].Type);
    }

    [Fact]
    public void A_full_scan_reads_every_row_and_names_the_row_of_a_single_bad_value()
    {
        var path = Write("amounts.csv", "id,qty\n", 20_000, i => $"{i + 1},{(i == 17_345 ? "lots" : (i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture))}\n");

        var sample = CsvSchemaInference.Analyze(new CsvSourceOptions(path));
        var full = CsvSchemaInference.Analyze(new CsvSourceOptions(path), new SchemaInferenceOptions { FullScan = true });

        Assert.Equal(1.0, sample.Columns[1].Confidence);
        Assert.True(full.ReadWholeFile);
        Assert.Equal(1.0, full.ShareSeen);
        Assert.Equal(20_000, full.SampledRows);
        Assert.Equal(FieldType.Integer, full.Columns[1].Type);
        Assert.Equal(19_999 / 20_000.0, full.Columns[1].Confidence, 6);
        Assert.Equal([new ValueExample("lots", 17_346)], full.Columns[1].Counterexamples);
    }

    [Fact]
    public void A_compressed_file_is_sampled_from_its_start_and_its_share_is_unknown()
    {
        var plain = Write("small.csv", "n\n", 5000, i => $"{i}\n");
        var gz = plain + ".gz";
        using (var output = new System.IO.Compression.GZipStream(File.Create(gz), System.IO.Compression.CompressionLevel.Fastest))
        {
            output.Write(File.ReadAllBytes(plain));
        }

        var result = CsvSchemaInference.Analyze(new CsvSourceOptions(gz));

        Assert.False(result.SpreadThroughFile);
        Assert.Equal(1000, result.SampledRows);
        Assert.Null(result.ShareSeen);
    }

    private string Write(string name, string header, int rows, Func<int, string> row)
    {
        var path = Path.Combine(_directory, name);
        var text = new StringBuilder(header);
        for (var i = 0; i < rows; i++)
        {
            text.Append(row(i));
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
