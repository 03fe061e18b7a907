using System.Globalization;
using AiEtl.Csv;

namespace AiEtl.Tests.Inference;

/// <summary>
/// The labelled corpus: every <c>TestData/inference/**/*.types</c> file names the true type of each column of the CSV
/// beside it (<c>a|b</c> when the declared type allows either, as a data package's <c>number</c> allows float and
/// decimal). Strict accuracy counts every column; confident accuracy only those inferred with confidence at least 0.95,
/// which is what the confidence promises (docs/inference.md quotes the figures this test prints).
/// </summary>
public sealed class InferenceCorpusTests
{
    private const double Threshold = 0.95;

    [Fact]
    public void Columns_inferred_with_confidence_of_at_least_095_are_right_98_percent_of_the_time_and_strict_accuracy_is_98_percent()
    {
        var columns = Corpus().ToList();
        var right = columns.Count(c => c.IsRight);
        var confident = columns.Where(c => c.Confidence >= Threshold).ToList();
        var confidentRight = confident.Count(c => c.IsRight);
        var output = TestContext.Current.TestOutputHelper;
        foreach (var miss in columns.Where(c => !c.IsRight))
        {
            output?.WriteLine($"miss: {miss}");
        }

        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"strict: {right}/{columns.Count} = {(double)right / columns.Count:P1}; confidence >= {Threshold}: {confidentRight}/{confident.Count} = {(double)confidentRight / confident.Count:P1}; unsure: {columns.Count - confident.Count}"));

        Assert.True(columns.Count >= 60, $"the corpus has only {columns.Count} columns");
        Assert.True((double)right / columns.Count >= 0.98, $"strict accuracy {right}/{columns.Count}; misses: {string.Join("; ", columns.Where(c => !c.IsRight))}");
        Assert.True((double)confidentRight / confident.Count >= 0.98, $"confident accuracy {confidentRight}/{confident.Count}; confident misses: {string.Join("; ", confident.Where(c => !c.IsRight))}");
    }

    [Fact]
    public void Every_trap_file_has_each_of_its_columns_right()
    {
        var misses = Corpus().Where(c => c.File.StartsWith("traps", StringComparison.Ordinal) && !c.IsRight).ToList();

        Assert.True(misses.Count == 0, string.Join("; ", misses));
    }

    private static IEnumerable<LabelledColumn> Corpus()
    {
        foreach (var types in Directory.GetFiles(InferenceSamples.Directory, "*.types", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var csv = Path.ChangeExtension(types, ".csv");
            var schema = CsvSchemaInference.Infer(InferenceSamples.OptionsFor(csv));
            var file = Path.GetRelativePath(InferenceSamples.Directory, csv);
            foreach (var line in File.ReadAllLines(types).Where(l => l.Length > 0 && l[0] != '#'))
            {
                var colon = line.LastIndexOf(':');
                var name = line[..colon];
                var expected = line[(colon + 1)..].Split('|').Select(Enum.Parse<FieldType>).ToList();
                var field = schema.GetField(name) ?? throw new InvalidOperationException($"{types}: no column '{name}' in {csv}");
                yield return new LabelledColumn(file, name, expected, field.Type, field.Confidence ?? 0);
            }
        }
    }

    private sealed record LabelledColumn(string File, string Name, IReadOnlyList<FieldType> Expected, FieldType Actual, double Confidence)
    {
        public bool IsRight => Expected.Contains(Actual);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File} {Name}: {Actual} (expected {string.Join("|", Expected)}, confidence {Confidence:0.###})");
    }
}
