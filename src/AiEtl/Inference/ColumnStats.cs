using System.Globalization;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
using System;
using System.Collections.Generic;
using System.Linq;

namespace AiEtl.Generators.Inference;
#else
using System.Runtime.CompilerServices;

namespace AiEtl;
#endif

/// <summary>
/// The sampled values of one column, counted by kind (so a full scan keeps as little memory as a sample), and the type
/// they decide with the rule and the evidence (docs/inference.md lists the rules in their order).
/// </summary>
/// <param name="sentinels">Whether sentinel texts (<c>NA</c>) are null tokens: only when the source will be told to read them as null.</param>
internal sealed class ColumnStats(bool sentinels = true)
{
    private const int ExamplesPerKind = 3;
    private const int MaxCounterexamples = 5;

    // Names that say the digits are a code, not a quantity.
    private static readonly HashSet<string> CodeWords = new(StringComparer.Ordinal)
    {
        "code", "zip", "zipcode", "postal", "postcode", "postalcode", "plz", "phone", "telephone", "tel", "mobile", "fax",
        "fips", "isbn", "issn", "ean", "upc", "gtin", "sku", "iban", "account", "routing", "ssn",
    };

    // Names that say the digits identify something: with a fixed width, a code.
    private static readonly HashSet<string> IdWords = new(StringComparer.Ordinal) { "id", "no", "nr", "num", "number", "key", "ref" };

    private static readonly HashSet<string> FlagWords = new(StringComparer.Ordinal)
    {
        "is", "has", "flag", "active", "enabled", "disabled", "deleted", "valid", "visible", "verified", "paid", "bool",
    };

    // Each kind seen, in first-seen order (the order the evidence lists ties in), with its count and first examples.
    private readonly Dictionary<ValueKind, KindCount> _kinds = new(ValueKind.Sameness);
    private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly List<ValueExample> _tokenExamples = [];
    private readonly Dictionary<string, int> _ninesCodes = new(StringComparer.Ordinal);
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    // Most columns repeat one kind: the last one is counted without a dictionary lookup.
    private KindCount? _last;

    public int Nulls { get; set; }

    public int Values { get; private set; }

    /// <summary>The sentinel tokens counted (nulls if the column is typed, values if it is text).</summary>
    public int Tokens { get; private set; }

    /// <summary>Counts one non-empty value: a sentinel token, or a value of its kind.</summary>
    public void Add(string value, ValueKinds kinds, long? row, long? offset)
    {
        if (!AddToken(value, value, row, offset))
        {
            Add(kinds.Of(value), value, value, row, offset);
        }
    }

#if !AIETL_GENERATOR
    /// <summary>
    /// Counts one non-empty CSV field by what it counts as (<see cref="CountedValue.Of"/>, looked up for a value seen
    /// before); a string is made from its UTF-8 bytes only for the few values the evidence keeps as examples.
    /// </summary>
    // This and the counting steps it takes are optimised at once: a full scan calls them per value from its first rows
    // (CsvSampleBatch says why; the generator's netstandard2.0 has no such option).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in CountedValue counted, ReadOnlySpan<byte> bytes, long? row, long? offset)
    {
        if (counted.Role == CountedRole.Null)
        {
            Nulls++;
        }
        else if (counted.Role == CountedRole.Token)
        {
            if (CountToken(counted.Token!))
            {
                _tokenExamples.Add(new ValueExample(System.Text.Encoding.UTF8.GetString(bytes), row, offset));
            }
        }
        else
        {
            var examples = CountKind(counted.Kind).Examples;
            if (examples.Count < ExamplesPerKind)
            {
                examples.Add(new ValueExample(System.Text.Encoding.UTF8.GetString(bytes), row, offset));
            }

            AddToRange(counted.Range);
        }
    }
#endif

    // Counts a sentinel (NA) as a token; false for any other value.
    private bool AddToken(ReadOnlySpan<char> value, string? text, long? row, long? offset)
    {
        if (!sentinels || !NullTokens.IsSentinel(value))
        {
            return false;
        }

        if (CountToken(value.Trim().ToString()))
        {
            _tokenExamples.Add(new ValueExample(text ?? value.ToString(), row, offset));
        }

        return true;
    }

    // Counts one sentinel token; whether the evidence still wants an example of it.
    private bool CountToken(string token)
    {
        Tokens++;
        _tokens[token] = _tokens.GetValueOrDefault(token) + 1;
        return _tokenExamples.Count < ExamplesPerKind;
    }

    /// <summary>Counts one value of a known kind (a JSON boolean or object).</summary>
    public void Add(ValueKind kind, string value, long? row, long? offset) => Add(kind, value, value, row, offset);

    private void Add(ValueKind kind, ReadOnlySpan<char> value, string? text, long? row, long? offset)
    {
        var examples = CountKind(kind).Examples;
        if (examples.Count < ExamplesPerKind)
        {
            examples.Add(new ValueExample(text ?? value.ToString(), row, offset));
        }

        AddToRange(RangeOf(kind, value));
    }

    // Counts one value of the kind; its count, whose examples the caller adds to.
#if !AIETL_GENERATOR
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    private KindCount CountKind(in ValueKind kind)
    {
        Values++;
        var counted = _last is { } last && last.Kind.IsSameAs(in kind) ? last : CountOf(kind);
        _last = counted;
        counted.Count++;
        return counted;
    }

    /// <summary>What a value of the kind adds to the column's numbers: a nines code (<c>-9999</c>) is counted apart, a plain number widens the range the codes are checked against.</summary>
    /// <param name="kind">The value's kind.</param>
    /// <param name="value">The value.</param>
    /// <param name="invariantNumber">The value as the invariant parser reads it, when known (not parsed again).</param>
#if !AIETL_GENERATOR
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    internal static RangePart RangeOf(ValueKind kind, ReadOnlySpan<char> value, double? invariantNumber = null)
    {
        if (kind.Kind is not (FieldType.Integer or FieldType.Float) || kind.Grouped)
        {
            return default;
        }

        if (NullTokens.IsNinesCode(value))
        {
            return new RangePart(value.Trim().ToString(), null);
        }

        if (invariantNumber is { } known)
        {
            return new RangePart(null, known);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? new RangePart(null, number) : default;
    }

#if !AIETL_GENERATOR
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    private void AddToRange(RangePart part)
    {
        if (part.NinesCode is { } code)
        {
            _ninesCodes[code] = _ninesCodes.GetValueOrDefault(code) + 1;
        }
        else if (part.Number is { } number)
        {
            (_min, _max) = (Math.Min(_min, number), Math.Max(_max, number));
        }
    }

    /// <summary>
    /// Adds the counts of <paramref name="later"/>, the same column over the rows that follow these: the result is what
    /// counting all the rows here would have given (first-seen orders and first examples included).
    /// </summary>
    public void Merge(ColumnStats later)
    {
        Nulls += later.Nulls;
        Values += later.Values;
        Tokens += later.Tokens;
        foreach (var (token, count) in later._tokens)
        {
            _tokens[token] = _tokens.GetValueOrDefault(token) + count;
        }

        _tokenExamples.AddRange(later._tokenExamples.Take(ExamplesPerKind - _tokenExamples.Count));
        foreach (var (code, count) in later._ninesCodes)
        {
            _ninesCodes[code] = _ninesCodes.GetValueOrDefault(code) + count;
        }

        (_min, _max) = (Math.Min(_min, later._min), Math.Max(_max, later._max));
        foreach (var (kind, counted) in later._kinds)
        {
            var mine = CountOf(kind);
            mine.Count += counted.Count;
            mine.Examples.AddRange(counted.Examples.Take(ExamplesPerKind - mine.Examples.Count));
        }
    }

    private KindCount CountOf(ValueKind kind)
    {
        if (!_kinds.TryGetValue(kind, out var counted))
        {
            _kinds[kind] = counted = new KindCount(kind);
        }

        return counted;
    }

    /// <summary>Whether the column's numbers only make sense with a decimal comma: some values can only be read so, and nearly all can.</summary>
    public bool NeedsDecimalComma(double minConfidence)
    {
        var comma = Count(k => k.Shape == ValueShape.DecimalComma);
        var either = Count(k => k.Shape == ValueShape.DecimalComma || (k.Kind == FieldType.Integer && !k.Grouped) || (k.Kind == FieldType.Decimal && k.Grouped && k.Decimals == 0));
        return comma > 0 && Values > 0 && (double)either / Values >= minConfidence;
    }

    /// <summary>The inferred field and the evidence for it.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="sampled">How many rows (or objects, <paramref name="unit"/>) were sampled.</param>
    /// <param name="unit">What a sampled row is called in the description (values, objects).</param>
    /// <param name="minConfidence">The confidence under which a column is unsure.</param>
    /// <param name="declaredOrders">Whether the exact formats of dates and of date-times name one day/month order.</param>
    public (Field Field, ColumnInference Evidence) ToField(string name, int sampled, string unit, double minConfidence, bool[] declaredOrders)
    {
        var decision = Decide(name, minConfidence, declaredOrders);
        var typed = decision.Type != FieldType.String;
        var nullTokens = typed ? _tokens : [];
        var nulls = Nulls + (typed ? Tokens : 0);
        var values = Values + (typed ? 0 : Tokens);

        var confidence = decision.Confidence;
        var field = new Field(name, decision.Type)
        {
            IsNullable = nulls > 0 || values == 0,
            IsInferred = true,
            Confidence = confidence,
            Description = string.Create(CultureInfo.InvariantCulture, $"inferred from {values} non-null of {sampled} sampled {unit} (confidence {confidence:0.###}): {decision.Rule}"),
        };
        var evidence = new ColumnInference
        {
            Name = name,
            Type = decision.Type,
            Confidence = confidence,
            Rule = decision.Rule,
            IsUnsure = confidence < minConfidence,
            Values = values,
            Nulls = nulls,
            NullTokens = new Dictionary<string, int>(nullTokens, StringComparer.Ordinal),
            SuggestedNullTokens = SuggestedCodes(),
            Classes = Classes(decision.Type),
            Counterexamples = decision.Counterexamples,
            Warnings = decision.Warnings,
        };
        return (field, evidence);
    }

    private Decision Decide(string name, double minConfidence, bool[] declaredOrders)
    {
        if (Values == 0)
        {
            return new Decision(FieldType.String, 0, _tokens.Count > 0 ? "only null tokens: text" : "no values: every sampled value is null");
        }

        // The best typed candidate, counting the kinds that widen into it and that the source reads as it (integers fit a float column).
        var best = FieldType.String;
        var bestCount = 0;
        foreach (var candidate in _kinds.Keys.Select(v => v.Kind).Where(k => k != FieldType.String).Distinct().Order())
        {
            var count = Count(v => Fits(v, candidate));
            if (count > bestCount || (count == bestCount && ValueKind.Widen(best, candidate) == candidate))
            {
                (best, bestCount) = (candidate, count);
            }
        }

        var share = (double)bestCount / Values;
        var against = Against(best);
        var leadingZeros = Count(k => k.Shape == ValueShape.LeadingZeroDigits);
        var yearMonths = Count(k => k.Shape == ValueShape.YearMonth);
        if (yearMonths > 0 && (double)yearMonths / Values >= minConfidence)
        {
            return new Decision(FieldType.String, (double)yearMonths / Values, "year-month (2024-05): kept as text, as no field type reads it; set date_formats: [yyyy-MM] to load the first day of each month")
            {
                Warnings = ["year-month values kept as text"],
                Counterexamples = Examples(k => k.Shape != ValueShape.YearMonth),
            };
        }

        if (best is FieldType.Integer or FieldType.Float or FieldType.Decimal && leadingZeros > 0 && (double)(bestCount + leadingZeros) / Values >= minConfidence)
        {
            var example = Examples(k => k.Shape == ValueShape.LeadingZeroDigits)[0];
            return new Decision(FieldType.String, (double)(bestCount + leadingZeros) / Values, string.Create(CultureInfo.InvariantCulture, $"leading zeros: {leadingZeros} values such as {example} would lose their zeros as numbers, so text"));
        }

        if (share < minConfidence)
        {
            return new Decision(FieldType.String, 1 - share, best == FieldType.String
                ? "text: no value is of another type"
                : string.Create(CultureInfo.InvariantCulture, $"text: only {share:P0} of the values are {Name(best)}, under the {minConfidence:P0} a type needs"))
            {
                Counterexamples = best == FieldType.String ? [] : against,
            };
        }

        if (best == FieldType.Integer)
        {
            return DecideInteger(name, share, against);
        }

        if (best is FieldType.Float or FieldType.Decimal)
        {
            return DecideNumber(best, share, against);
        }

        return best is FieldType.Date or FieldType.DateTime or FieldType.Timestamp
            ? DecideOrder(best, share, declaredOrders[best == FieldType.Date ? 0 : 1], against)
            : new Decision(best, share, string.Create(CultureInfo.InvariantCulture, $"{share:P0} of the values are {Name(best)}")) { Counterexamples = against };
    }

    // Whole numbers: a code by its name or width, a flag when only 0 and 1, a year, or an integer.
    private Decision DecideInteger(string name, double share, IReadOnlyList<ValueExample> against)
    {
        if (NameWords.Has(name, CodeWords))
        {
            return new Decision(FieldType.String, share, $"identifier: the name '{name}' says the digits are a code, so text (a number would drop leading zeros and signs of codes)");
        }

        var widths = _kinds.Keys.Where(k => k.Kind == FieldType.Integer).Select(k => k.Digits).Distinct().ToList();
        if (NameWords.Has(name, IdWords) && widths is [>= 5] && Values >= 2)
        {
            return new Decision(FieldType.String, share, string.Create(CultureInfo.InvariantCulture, $"identifier: every value has {widths[0]} digits and the name '{name}' says it identifies, so a fixed-width code kept as text"));
        }

        var integers = Count(k => k.Kind == FieldType.Integer);
        if (integers == Values && Count(k => k.Shape == ValueShape.ZeroOrOne) == Values)
        {
            // 0/1 is a flag or a count: only the name can tell, so never certain without it.
            var flag = NameWords.Has(name, FlagWords);
            return new Decision(FieldType.Boolean, flag ? Math.Min(share, 0.97) : 0.9, flag
                ? $"0/1 flag: only 0 and 1, and the name '{name}' reads as a flag"
                : "0/1 flag: only 0 and 1 (a flag or a count: confidence 0.9)")
            {
                Counterexamples = flag ? [] : Examples(k => k.Shape == ValueShape.ZeroOrOne),
            };
        }

        var years = Count(k => k.Shape == ValueShape.Year);
        return years == Values
            ? new Decision(FieldType.Integer, share, "year: four-digit whole numbers from 1000 to 2999, stored as integers (a date column needs a month and day)")
            : new Decision(FieldType.Integer, share, string.Create(CultureInfo.InvariantCulture, $"{share:P0} of the values are whole numbers")) { Counterexamples = against };
    }

    // Fractional numbers are floats; amounts are decimals: all written with the same 2-4 decimals (1234.50), or with group separators.
    private Decision DecideNumber(FieldType best, double share, IReadOnlyList<ValueExample> against)
    {
        var numbers = _kinds.Keys.Where(k => Fits(k, best)).ToList();
        var decimals = numbers.Select(k => k.Decimals).Distinct().ToList();
        // One decimal everywhere (12.5) is as often a measurement as a price; two to four (1234.50) is how amounts are written.
        if (decimals is [>= 2 and <= 4] && numbers.All(k => k.ReadsAs(FieldType.Decimal)))
        {
            return new Decision(FieldType.Decimal, share, string.Create(CultureInfo.InvariantCulture, $"money-like: every number has {decimals[0]} decimals, so decimal (exact sums)")) { Counterexamples = against };
        }

        if (numbers.Any(k => k.Grouped) && numbers.All(k => k.ReadsAs(FieldType.Decimal)))
        {
            return new Decision(FieldType.Decimal, share, "grouped numbers (1,234.5): written for people, read as decimal") { Counterexamples = against };
        }

        return best == FieldType.Decimal
            ? new Decision(FieldType.Decimal, share, "numbers that only the decimal parser reads") { Counterexamples = against }
            : new Decision(FieldType.Float, share, string.Create(CultureInfo.InvariantCulture, $"{share:P0} of the values are numbers with varying decimals, so float")) { Counterexamples = against };
    }

    // Dates that read as different days in day-first and month-first order (01/02/2024): the source reads each with the
    // first form that fits, so the column is only as sure as the evidence for that order.
    private Decision DecideOrder(FieldType type, double share, bool declared, IReadOnlyList<ValueExample> against)
    {
        var plain = new Decision(type, share, string.Create(CultureInfo.InvariantCulture, $"{share:P0} of the values are {Name(type)}")) { Counterexamples = against };
        var ambiguousKinds = _kinds.Keys.Where(v => Fits(v, type) && v.Differs).ToList();
        var ambiguous = ambiguousKinds.Sum(k => _kinds[k].Count);
        if (ambiguous == 0)
        {
            return plain;
        }

        var orders = ambiguousKinds.Select(v => v.SourceOrder).Distinct().ToList();
        var read = orders.Count == 1 ? orders[0] : DateOrder.None;
        var opposite = read == DateOrder.DayFirst ? DateOrder.MonthFirst : DateOrder.DayFirst;
        var contradicting = Count(v => v.Orders == opposite);
        var support = Count(v => v.Orders == read);
        var doubtful = Examples(v => Fits(v, type) && v.Differs);
        var what = string.Create(CultureInfo.InvariantCulture, $"{ambiguous} of {Values} values are {Name(type)} in both day-first and month-first order");
        if (read == DateOrder.None || contradicting > 0)
        {
            // The source would read the ambiguous values in an order other values contradict: a silent misreading, so text.
            var reason = read == DateOrder.None
                ? "the source would read some day first and some month first"
                : string.Create(CultureInfo.InvariantCulture, $"the source would read them {Name(read)}, but {contradicting} values can only be {Name(opposite)}");
            return new Decision(FieldType.String, 1 - share, $"{what}; {reason}: kept as text (set the formats so that the right order comes first)") { Counterexamples = doubtful };
        }

        if (support > 0)
        {
            return plain with { Rule = string.Create(CultureInfo.InvariantCulture, $"{what}; read {Name(read)}, as {support} other values show") };
        }

        if (declared)
        {
            return plain with { Rule = $"{what}; read {Name(read)}, as the configured formats say" };
        }

        // Nothing shows the order: a coin toss, so never a confident type.
        return new Decision(type, Math.Min(share, 0.5), $"{what} and no value shows which; read {Name(read)} as the source does, confidence at most 0.5") { Counterexamples = doubtful };
    }

    private IReadOnlyList<ValueExample> Against(FieldType type) => Examples(k => !Fits(k, type));

    // The first examples of the kinds that match, in file order (rows first, then byte offsets).
    private IReadOnlyList<ValueExample> Examples(Func<ValueKind, bool> match) =>
        [.. _kinds.Values.Where(c => match(c.Kind)).SelectMany(c => c.Examples).OrderBy(e => e.Row ?? long.MaxValue).ThenBy(e => e.ByteOffset ?? 0).Take(MaxCounterexamples)];

    private int Count(Func<ValueKind, bool> match) => _kinds.Values.Where(c => match(c.Kind)).Sum(c => c.Count);

    private IReadOnlyList<ValueClassCount> Classes(FieldType type)
    {
        var typed = type != FieldType.String;

        // 0 and 1 are their own class only in a flag column; elsewhere they are integers like the others.
        var classes = _kinds.Keys.GroupBy(k => k.Shape == ValueShape.ZeroOrOne && type != FieldType.Boolean ? "integer" : k.Class)
            .Select(g => new ValueClassCount(g.Key, g.Sum(k => _kinds[k].Count), [.. g.SelectMany(k => _kinds[k].Examples).OrderBy(e => e.Row ?? long.MaxValue).Take(ExamplesPerKind)]));
        if (_tokens.Count > 0)
        {
            classes = classes.Append(new ValueClassCount(typed ? "null token" : "null token (kept as text)", Tokens, _tokenExamples));
        }

        return [.. classes.OrderByDescending(c => c.Count).ThenBy(c => c.Class, StringComparer.Ordinal)];
    }

    // Nines codes (-9999) seen at least twice and outside the range of every other number of the column.
    private IReadOnlyList<string> SuggestedCodes() =>
        [.. _ninesCodes.Where(c => c.Value >= 2 && double.TryParse(c.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var code)
            && (code < _min || code > _max) && _min <= _max).Select(c => c.Key).Order(StringComparer.Ordinal)];

    private static bool Fits(ValueKind value, FieldType type) =>
        value.Kind == type || (ValueKind.Widen(value.Kind, type) == type && value.ReadsAs(type));

    private static string Name(FieldType type) => type switch
    {
        FieldType.Date => "dates",
        FieldType.DateTime => "date-times",
        FieldType.Timestamp => "timestamps",
        FieldType.Integer => "whole numbers",
        FieldType.Float or FieldType.Decimal => "numbers",
        FieldType.Boolean => "booleans",
        FieldType.Time => "times",
        FieldType.Guid => "UUIDs",
        FieldType.Json => "JSON",
        _ => "text",
    };

    private static string Name(DateOrder order) => order == DateOrder.DayFirst ? "day first" : "month first";

    private sealed record Decision(FieldType Type, double Confidence, string Rule)
    {
        public IReadOnlyList<ValueExample> Counterexamples { get; init; } = [];

        public IReadOnlyList<string> Warnings { get; init; } = [];
    }

    /// <summary>What one value adds to the column's numbers (<see cref="RangeOf"/>): a nines code, a number, or nothing.</summary>
    internal readonly record struct RangePart(string? NinesCode, double? Number);

    // How often one kind was seen, and its first examples.
    private sealed class KindCount(ValueKind kind)
    {
        public ValueKind Kind { get; } = kind;

        public int Count { get; set; }

        public List<ValueExample> Examples { get; } = [];
    }
}
