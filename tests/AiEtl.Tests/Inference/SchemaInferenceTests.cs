using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Inference;

/// <summary>Schema inference on committed sample files whose column types are known (<c>TestData/inference/*.types</c>).</summary>
public sealed class SchemaInferenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-infer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_column_of_the_sample_files_gets_its_known_type()
    {
        var total = 0;
        var right = 0;
        var misses = new List<string>();
        foreach (var types in Directory.GetFiles(DataDirectory(), "*.types").Order(StringComparer.Ordinal))
        {
            var schema = CsvSchemaInference.Infer(InferenceSamples.OptionsFor(Path.ChangeExtension(types, ".csv")));
            foreach (var line in File.ReadAllLines(types).Where(l => l.Length > 0 && l[0] != '#'))
            {
                var (name, expected) = (line[..line.IndexOf(':', StringComparison.Ordinal)], Enum.Parse<FieldType>(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]));
                var actual = schema.GetField(name)!;
                TestContext.Current.TestOutputHelper?.WriteLine($"{Path.GetFileName(types)} {name}: {actual.Type} (confidence {actual.Confidence:0.###})");
                total++;
                if (actual.Type == expected)
                {
                    right++;
                }
                else
                {
                    misses.Add($"{Path.GetFileName(types)} {name}: {actual.Type} (expected {expected}, confidence {actual.Confidence})");
                }
            }
        }

        var accuracy = (double)right / total;
        TestContext.Current.TestOutputHelper?.WriteLine($"inference accuracy: {right}/{total} columns = {accuracy:P1}");
        Assert.True(total >= 20);
        Assert.True(misses.Count == 0, $"accuracy {accuracy:P1}; misses: {string.Join("; ", misses)}");
    }

    [Fact]
    public void Confidence_null_counts_and_sample_size_are_reported_and_doubtful_columns_named()
    {
        var schema = CsvSchemaInference.Infer(new CsvSourceOptions(Path.Combine(DataDirectory(), "dirty.csv")), new SchemaInferenceOptions { SampleSize = 200 });
        var customers = CsvSchemaInference.Infer(new CsvSourceOptions(Path.Combine(DataDirectory(), "customers.csv")));

        Assert.True(schema.IsInferred);
        Assert.Equal(200, schema.SampleSize);
        Assert.Equal("dirty", schema.Name);
        Assert.Equal(200, schema.NullCounts!["empty"]);
        Assert.Equal(0, schema.GetField("empty")!.Confidence);
        Assert.True(schema.GetField("empty")!.IsNullable);
        Assert.Equal(1.0, schema.GetField("amount")!.Confidence!.Value, precision: 2); // its n/a values are null tokens
        Assert.True(schema.GetField("amount")!.IsNullable);
        Assert.Equal(["mixed", "empty"], CsvSchemaInference.Unsure(schema).Select(f => f.Name));
        Assert.Equal(30, customers.NullCounts!["last_login"]);
        Assert.Equal(FieldType.String, customers.GetField("zip")!.Type);
        Assert.DoesNotContain("zip", CsvSchemaInference.Unsure(customers).Select(f => f.Name)); // a code by its name, not a doubtful number
    }

    [Fact]
    public async Task A_dynamic_source_reads_typed_values_by_the_inferred_schema_and_writes_them_to_json()
    {
        var source = CsvSchemaInference.CreateSource(new CsvSourceOptions(Path.Combine(DataDirectory(), "customers.csv")));
        var schema = await source.GetSchemaAsync(TestContext.Current.CancellationToken);
        var output = Path.Combine(_directory, "customers.jsonl");
        var records = new RecordingDestination<Record>();

        var read = await EtlPipeline.Create<Record>("infer").From(source).To(records).RunAsync(TestContext.Current.CancellationToken);
        var written = await EtlPipeline.Create<Record>("infer-json")
            .From(CsvSchemaInference.CreateSource(new CsvSourceOptions(Path.Combine(DataDirectory(), "customers.csv"))))
            .To(new JsonDestination<Record, RecordCodec>(new JsonDestinationOptions(output) { ExportSchema = true }, new RecordCodec(schema, new RecordMetadata("csv", "customers"))))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(read.Success, read.Describe());
        Assert.Equal(300, records.Committed.Count);
        var first = records.Committed[0].Data;
        Assert.Equal(1L, first["id"]);
        Assert.Equal(new DateOnly(2020, 1, 1), first["signup"]);
        Assert.Null(first["last_login"]);
        Assert.Equal(-10d, first["balance"]);
        Assert.Equal(false, first["active"]);
        Assert.Equal("32098", first["zip"]);
        Assert.DoesNotContain(read.Warnings, w => w.Contains("'zip'", StringComparison.Ordinal));
        Assert.True(written.Success, written.Describe());
        Assert.StartsWith("{\"id\":1,\"name\":\"Ann 0\"", File.ReadLines(output).First(), StringComparison.Ordinal);
        Assert.Contains("\"x-confidence\"", await File.ReadAllTextAsync(Path.Combine(_directory, "customers.schema.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static string DataDirectory() => InferenceSamples.Directory;
}
