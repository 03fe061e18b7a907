using System.Globalization;
#if !AIETL_GENERATOR
using AiEtl.Csv;
using CsvHelper;
#endif

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;
using System.Collections.Generic;
using System.Linq;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// Finds the columns that hold sensitive data, and of which kind, by combining as Microsoft Presidio's recognisers do:
/// the share of a column's values that match a kind's pattern (and pass its checksum where it has one: Luhn for cards,
/// mod 97 for IBANs and INSEE numbers, the SSA's rules for SSNs), weighted by how strong each match is, plus a boost when
/// the column's name speaks for the kind, minus a penalty when it names a code (order, ISBN, SKU, UUID, ...). The kind
/// with the highest score wins when it reaches <see cref="SensitiveScanOptions.Threshold"/> (docs/inference.md).
/// </summary>
public static class SensitiveDataScanner
{
    private const double NegativeContextPenalty = 0.5;

    private static readonly Recognizer[] Recognizers =
    [
        new EmailRecognizer(), new CreditCardRecognizer(), new IbanRecognizer(), new SsnRecognizer(), new NationalIdRecognizer(),
        new PhoneRecognizer(), new IpAddressRecognizer(), new StreetAddressRecognizer(), new DateOfBirthRecognizer(), new PersonNameRecognizer(),
    ];

    // Names that say the values are codes of things, not of people: a match there is a coincidence of shape.
    private static readonly HashSet<string> CodeWords = new(StringComparer.Ordinal)
    {
        "order", "isbn", "issn", "sku", "product", "uuid", "guid", "invoice", "tracking", "serial", "version", "zip", "postal",
        "postcode", "part", "item", "batch", "lot", "ean", "upc", "gtin", "transaction", "ticket", "hash", "checksum", "build",
        "shipment", "barcode", "model", "city", "country", "region", "company", "brand",
    };

    /// <summary>Scans one column's values (nulls, empty values and sentinels such as <c>NA</c> are skipped).</summary>
    public static SensitiveColumn ScanColumn(string name, IEnumerable<string?> values, SensitiveScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        options ??= new SensitiveScanOptions();
        var present = values.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v) && !NullTokens.IsSentinel(v)).Select(v => v!).ToList();
        var negative = NameWords.Has(name, CodeWords);
        var best = new Candidate(SensitiveDataKind.None, 0, 0, 0, false);
        foreach (var recognizer in Recognizers)
        {
            var candidate = Score(recognizer, name, present, negative);
            // Ties (most often all zero) go to the kind whose pattern matched most: the evidence then says what failed its check.
            if (candidate.Score > best.Score || (candidate.Score == best.Score && candidate.Pattern > best.Pattern))
            {
                best = candidate;
            }
        }

        var sensitive = best.Score >= options.Threshold;
        return new SensitiveColumn
        {
            Name = name,
            Kind = sensitive ? best.Kind : SensitiveDataKind.None,
            BestCandidate = best.Kind,
            Score = Math.Round(best.Score, 3),
            Values = present.Count,
            ValidShare = best.Valid,
            PatternShare = best.Pattern,
            NameContext = best.Context,
            Evidence = Evidence(best, present.Count, negative, options.Threshold),
        };
    }

#if !AIETL_GENERATOR
    /// <summary>Scans the first <see cref="SensitiveScanOptions.SampleSize"/> rows of a CSV file, one result a column.</summary>
    /// <exception cref="PipelineConfigurationException">The file does not exist.</exception>
    public static IReadOnlyList<SensitiveColumn> ScanCsv(CsvSourceOptions source, SensitiveScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new SensitiveScanOptions();
        var path = Path.GetFullPath(source.Path);
        if (!File.Exists(path))
        {
            throw new PipelineConfigurationException("the CSV file to scan does not exist", new DataLocation(source.Path));
        }

        var compression = source.Compression ?? FileCompressions.FromPath(path);
        using var stream = FileCompressions.OpenRead(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), compression, path);
        using var csv = CsvReader.Create(stream, CsvSample.ReaderOptions(source, source.HasHeader), leaveOpen: true);
        var names = source.HasHeader ? csv.Headers.Select(h => h.Trim()).ToList() : [];
        var columns = new List<List<string>>();
        for (var rows = 0; rows < options.SampleSize && csv.Read(); rows++)
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                while (columns.Count <= i)
                {
                    columns.Add([]);
                }

                columns[i].Add(csv.GetString(i) ?? "");
            }
        }

        var count = Math.Max(names.Count, columns.Count);
        return [.. Enumerable.Range(0, count).Select(i => ScanColumn(i < names.Count ? names[i] : $"column_{i + 1}", i < columns.Count ? columns[i] : [], options))];
    }
#endif

    private static Candidate Score(Recognizer recognizer, string name, List<string> values, bool negative)
    {
        if (values.Count == 0)
        {
            return new Candidate(recognizer.Kind, 0, 0, 0, false);
        }

        var (strength, pattern, valid) = (0.0, 0, 0);
        foreach (var value in values)
        {
            var (s, p) = recognizer.Match(value);
            strength += s;
            pattern += p ? 1 : 0;
            valid += s > 0 ? 1 : 0;
        }

        var share = strength / values.Count;
        var context = NameWords.Has(name, recognizer.ContextWords) && (double)valid / values.Count >= recognizer.ContextMinShare;
#if AIETL_GENERATOR
        var score = Polyfills.Clamp(share + (context ? recognizer.ContextBoost : 0) - (negative ? NegativeContextPenalty : 0), 0, 1);
#else
        var score = Math.Clamp(share + (context ? recognizer.ContextBoost : 0) - (negative ? NegativeContextPenalty : 0), 0, 1);
#endif
        return new Candidate(recognizer.Kind, score, (double)valid / values.Count, (double)pattern / values.Count, context);
    }

    private static string Evidence(Candidate best, int values, bool negative, double threshold)
    {
        if (best.Kind == SensitiveDataKind.None)
        {
            return values == 0 ? "no values to scan" : "no value matches a sensitive pattern";
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{best.Kind}: {best.Valid:P0} of {values} values match");
        if (best.Pattern > best.Valid)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({best.Pattern:P0} have the pattern, {best.Pattern - best.Valid:P0} fail its check)");
        }

        text += best.Context ? "; the column's name speaks for it" : "";
        text += negative ? "; the name says it holds codes (penalty)" : "";
        return text + string.Create(CultureInfo.InvariantCulture, $"; score {best.Score:0.00} {(best.Score >= threshold ? ">=" : "<")} {threshold:0.00}");
    }

    private readonly record struct Candidate(SensitiveDataKind Kind, double Score, double Valid, double Pattern, bool Context);
}
