using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AiEtl.Csv;

namespace AiEtl.Tests.Inference;

/// <summary>
/// Every result of inference on the labelled corpus (and the mock files of the sensitive-data corpus), in full-scan and
/// sample mode, written out whole (schema, evidence, examples with their rows) and compared with the committed text:
/// a faster scan must not change a single byte of what it reports. <c>AIETL_ACCEPT_SNAPSHOTS=1</c> rewrites the file.
/// </summary>
public sealed class InferenceResultsGoldenTests
{
    [Fact]
    public void Full_scan_and_sample_results_on_the_corpus_are_unchanged()
    {
        var actual = Render();
        var expectedPath = ExpectedPath();
        if (Environment.GetEnvironmentVariable("AIETL_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Counting_on_the_reading_thread_gives_what_counting_in_parallel_batches_gives()
    {
        // The customers sample and the employment file span several batches: merged in file order, they are one pass.
        var sequential = Render(options => options with { MaxDegreeOfParallelism = 1 });

        Assert.Equal(Render(), sequential);
    }

    private static string Render(Func<CsvSourceOptions, CsvSourceOptions>? adapt = null)
    {
        var text = new StringBuilder();
        foreach (var csv in CorpusFiles())
        {
            foreach (var full in new[] { true, false })
            {
                var source = InferenceSamples.OptionsFor(csv);
                var result = CsvSchemaInference.Analyze(adapt?.Invoke(source) ?? source, new SchemaInferenceOptions { FullScan = full });
                text.Append(CultureInfo.InvariantCulture, $"## {RelativeName(csv)} full={full}\n");
                Write(text, result);
            }
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, SchemaInferenceResult result)
    {
        text.Append(CultureInfo.InvariantCulture, $"rows {result.SampledRows} bytes {result.SampledBytes} file {result.FileBytes} share {result.ShareSeen:R} whole {result.ReadWholeFile} spread {result.SpreadThroughFile} decimal-comma {result.DecimalComma} null-tokens [{string.Join(", ", result.NullTokens)}]\n");
        foreach (var field in result.Schema.Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $"field {field.Name}: {field.Type} nullable {field.IsNullable} confidence {field.Confidence:R}: {field.Description}\n");
        }

        foreach (var column in result.Columns)
        {
            text.Append(CultureInfo.InvariantCulture, $"column {column.Name}: {column.Type} {column.Confidence:R} unsure {column.IsUnsure} values {column.Values} nulls {column.Nulls}: {column.Rule}\n");
            text.Append(CultureInfo.InvariantCulture, $"  tokens [{string.Join(", ", column.NullTokens.Select(t => $"{t.Key}={t.Value}"))}] suggested [{string.Join(", ", column.SuggestedNullTokens)}] warnings [{string.Join("; ", column.Warnings)}]\n");
            foreach (var valueClass in column.Classes)
            {
                text.Append(CultureInfo.InvariantCulture, $"  class {valueClass.Class} {valueClass.Count}: {Examples(valueClass.Examples)}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"  against: {Examples(column.Counterexamples)}\n");
        }
    }

    private static string Examples(IEnumerable<ValueExample> examples) => string.Join(", ", examples.Select(e => e.ToString()));

    private static IEnumerable<string> CorpusFiles()
    {
        var inference = Directory.GetFiles(InferenceSamples.Directory, "*.csv", SearchOption.AllDirectories);
        var sensitive = Directory.GetFiles(Path.Combine(InferenceSamples.Directory, "..", "Sensitive"), "*.csv", SearchOption.AllDirectories);
        // The 10,000-row customers sample spans several batches of a parallel scan.
        var customers = Path.Combine(InferenceSamples.Directory, "..", "..", "..", "..", "samples", "data", "customers.csv");
        return inference.Concat(sensitive).Order(StringComparer.Ordinal).Append(customers);
    }

    private static string RelativeName(string csv) =>
        Path.GetRelativePath(Path.Combine(InferenceSamples.Directory, "..", "..", "..", ".."), csv).Replace('\\', '/');

    private static string ExpectedPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "TestData", "inference-results.expected.txt");
}
