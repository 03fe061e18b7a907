using System.Globalization;
using System.Runtime.CompilerServices;
using AiEtl.Csv;

namespace AiEtl.Tests.Sensitive;

/// <summary>
/// The labelled mock corpus of <c>TestData/Sensitive</c>: files written for the recognisers (made-up people, valid
/// checksums, and hard negatives: order numbers, ISBNs, UUIDs, product codes, postal codes, timestamps, 16-digit ids that
/// fail Luhn) and, in <c>faker/</c>, files that faker.js generated in its own formats (<c>generate.mjs</c>): precision, recall
/// and F1 per kind and for "sensitive at all" (docs/inference.md quotes the figures this test prints). The recognisers were
/// improved against those; <c>heldout/</c> (British and German faker locales) was generated afterwards and is only
/// measured, so its figure is the one to expect on new files.
/// </summary>
public sealed class SensitiveScanCorpusTests
{
    public static string Directory { get; } = DataDirectory();

    [Fact]
    public void F1_is_at_least_095_for_sensitive_at_all_and_at_least_09_for_every_kind()
    {
        var all = Labelled().ToList();
        var labelled = all.Where(c => !c.File.StartsWith("heldout/", StringComparison.Ordinal)).ToList();
        var heldOut = all.Except(labelled).ToList();
        var output = TestContext.Current.TestOutputHelper;
        foreach (var miss in labelled.Where(c => c.Expected != c.Actual.Kind))
        {
            output?.WriteLine($"miss: {miss.File} {miss.Actual.Name}: {miss.Actual.Kind} (expected {miss.Expected}); {miss.Actual.Evidence}");
        }

        var kinds = labelled.Select(c => c.Expected).Where(k => k != SensitiveDataKind.None).Distinct().Order().ToList();
        var scores = kinds.ToDictionary(k => k, k => F1(labelled, c => c.Expected == k, c => c.Actual.Kind == k));
        var any = F1(labelled, c => c.Expected != SensitiveDataKind.None, c => c.Actual.IsSensitive);
        foreach (var (kind, score) in scores)
        {
            output?.WriteLine($"{kind}: {score}");
        }

        output?.WriteLine($"sensitive at all: {any} ({labelled.Count} columns)");
        var faker = labelled.Where(c => c.File.StartsWith("faker/", StringComparison.Ordinal)).ToList();
        output?.WriteLine($"faker files alone: sensitive at all {F1(faker, c => c.Expected != SensitiveDataKind.None, c => c.Actual.IsSensitive)} ({faker.Count} columns)");
        var heldOutAny = F1(heldOut, c => c.Expected != SensitiveDataKind.None, c => c.Actual.IsSensitive);
        output?.WriteLine($"held out: sensitive at all {heldOutAny}; by kind {F1(heldOut, c => c.Expected != SensitiveDataKind.None, c => c.Actual.Kind == c.Expected && c.Expected != SensitiveDataKind.None)} ({heldOut.Count} columns)");
        foreach (var miss in heldOut.Where(c => c.Expected != c.Actual.Kind))
        {
            output?.WriteLine($"held-out miss: {miss.File} {miss.Actual.Name}: {miss.Actual.Kind} (expected {miss.Expected}); {miss.Actual.Evidence}");
        }
        Assert.Equal(10, kinds.Count);
        Assert.True(any.F1 >= 0.95, $"sensitive at all: {any}");
        Assert.True(heldOutAny.F1 >= 0.8, $"held out, sensitive at all: {heldOutAny}");
        Assert.All(scores, s => Assert.True(s.Value.F1 >= 0.9, $"{s.Key}: {s.Value}"));
    }

    [Fact]
    public void Every_hard_negative_of_the_corpus_stays_negative()
    {
        var falsePositives = Labelled().Where(c => c.Expected == SensitiveDataKind.None && c.Actual.IsSensitive).ToList();

        Assert.True(falsePositives.Count == 0, string.Join("; ", falsePositives.Select(c => $"{c.File} {c.Actual.Name}: {c.Actual.Evidence}")));
    }

    private static Metrics F1(List<LabelledColumn> columns, Func<LabelledColumn, bool> expected, Func<LabelledColumn, bool> predicted)
    {
        var truePositives = columns.Count(c => expected(c) && predicted(c));
        var precision = columns.Count(predicted) is var p and > 0 ? (double)truePositives / p : 1;
        var recall = columns.Count(expected) is var e and > 0 ? (double)truePositives / e : 1;
        return new Metrics(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static IEnumerable<LabelledColumn> Labelled()
    {
        var scans = new Dictionary<string, IReadOnlyList<SensitiveColumn>>(StringComparer.Ordinal);
        var lines = System.IO.Directory.GetFiles(Directory, "labels.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines);
        foreach (var line in lines.Where(l => l.Length > 0 && l[0] != '#'))
        {
            var parts = line.Split(':');
            if (!scans.TryGetValue(parts[0], out var scan))
            {
                scans[parts[0]] = scan = SensitiveDataScanner.ScanCsv(new CsvSourceOptions(Path.Combine(Directory, parts[0])));
            }

            var column = scan.Single(c => c.Name == parts[1]);
            yield return new LabelledColumn(parts[0], Enum.Parse<SensitiveDataKind>(parts[2]), column);
        }
    }

    private static string DataDirectory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "TestData", "Sensitive");

    private sealed record LabelledColumn(string File, SensitiveDataKind Expected, SensitiveColumn Actual);

    private sealed record Metrics(double Precision, double Recall, double F1)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"precision {Precision:0.000}, recall {Recall:0.000}, F1 {F1:0.000}");
    }
}
