using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using AiEtl.Csv;
using CsvHelper;

namespace AiEtl.Tests.Inference;

/// <summary>
/// The cache of a full scan gives, for a value seen before, exactly what counting it from scratch gives: its table finds
/// only the bytes a value was added with (keys that differ in one byte, in length, or only after the sixteenth byte are
/// told apart), and on the corpus's values under each file's options and on made-up ones (numbers of every writing,
/// signed zeros, sentinels, null values, invalid UTF-8) every value looked up counts the same as classified afresh.
/// </summary>
public sealed class CountedValueCacheTests
{
    [Fact]
    public void The_table_finds_exactly_the_bytes_a_value_was_added_with()
    {
        var random = new Random(7);
        var table = new Utf8KeyedTable<int>(4096, 64 * 1024, EqualityComparer<int>.Default);
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<byte[]>();
        for (var i = 0; i < 20_000; i++)
        {
            var key = Key(random);
            keys.Add(key);
            var hex = Convert.ToHexString(key);
            // Values are shared by many keys, as kinds are: the table keeps each once and must still hand back the right one.
            if (!added.ContainsKey(hex) && Unsafe.IsNullRef(in table.Find(key)) && table.TryAdd(key, i % 300))
            {
                added[hex] = i % 300;
            }
        }

        Assert.Equal(4096, table.Count);
        var found = 0;
        var lost = 0;
        foreach (var key in keys.Concat(keys.Select(k => Mutated(k, random))))
        {
            ref readonly var value = ref table.Find(key);
            if (!added.TryGetValue(Convert.ToHexString(key), out var expected))
            {
                Assert.True(Unsafe.IsNullRef(in value), Convert.ToHexString(key));
            }
            else if (Unsafe.IsNullRef(in value))
            {
                lost++; // dropped when the table grew, its probes too long: a miss, never a wrong value
            }
            else
            {
                Assert.Equal(expected, value);
                found++;
            }
        }

        Assert.True(found > 8_000, $"{found} found");
        Assert.True(lost <= found / 200, $"{lost} added keys not found, {found} found");
    }

    [Fact]
    public void A_value_seen_before_counts_as_it_does_classified_from_scratch()
    {
        var files = Directory.GetFiles(InferenceSamples.Directory, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var madeUp = MadeUpValues(new Random(11)).ToList();
        var hits = 0;
        foreach (var csv in files)
        {
            var options = InferenceSamples.OptionsFor(csv);
            options = options with { NullValues = [.. options.NullValues, "-", "n/a", "NULL"] };
            var kinds = new ValueKinds(options);
            var source = new SourceValues(CsvValueFormat.From(options));
            var nulls = new NullValues(options.NullValues.ToHashSet(StringComparer.Ordinal));
            var pool = FieldsOf(options).Concat(madeUp).Where(v => v.Length > 0).ToList();
            foreach (var sentinels in new[] { true, false })
            {
                var cache = new CountedValueCache();
                var random = new Random(csv.Length + (sentinels ? 1 : 0));
                // Most draws from a few hundred values, as columns repeat; the rest from all of them.
                var frequent = pool.OrderBy(_ => random.Next()).Take(300).ToList();
                for (var i = 0; i < 20_000; i++)
                {
                    var bytes = random.Next(10) < 7 ? frequent[random.Next(frequent.Count)] : pool[random.Next(pool.Count)];
                    var fresh = FromScratch(bytes, kinds, source, nulls, sentinels);
                    ref readonly var known = ref cache.Find(bytes);
                    if (Unsafe.IsNullRef(in known))
                    {
                        cache.Remember(bytes, fresh);
                        continue;
                    }

                    hits++;
                    Assert.True(CountedValue.Identical.Equals(known, fresh), $"{Path.GetFileName(csv)}: '{Encoding.UTF8.GetString(bytes)}' ({Convert.ToHexString(bytes)}): {known} from the cache, {fresh} from scratch");
                }
            }
        }

        Assert.True(hits > 200_000, $"{hits} values looked up");
    }

    // What a field counts as when classified afresh, step by step as counting it directly does, every number parsed:
    // decoded as the reader's strings are (invalid bytes replaced).
    private static CountedValue FromScratch(byte[] bytes, ValueKinds kinds, SourceValues source, NullValues nulls, bool sentinels)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var utf8 = Utf8.IsValid(bytes) ? bytes : Encoding.UTF8.GetBytes(text);
        var fresh = CountedValue.Of(text, utf8, kinds, nulls, sentinels);
        if (fresh.Role == CountedRole.Value)
        {
            var kind = kinds.Classify(text, utf8);
            Assert.Equal(kind, fresh.Kind);
            if (kind.Kind == FieldType.Integer)
            {
                // What else the source reads a whole number as, asked of its parsers rather than known.
                var readable = (source.TryDouble(utf8, out _) ? ValueKind.Bit(FieldType.Float) : 0) | (source.TryDecimal(utf8, out _) ? ValueKind.Bit(FieldType.Decimal) : 0)
                    | (SourceValues.TryBoolean(utf8, out _) ? ValueKind.Bit(FieldType.Boolean) : 0);
                Assert.True(readable == kind.Readable, $"'{text}': readable {kind.Readable}, the parsers say {readable}");
            }

            var range = ColumnStats.RangeOf(kind, text);
            Assert.True(range.NinesCode == fresh.Range.NinesCode && Bits(range.Number) == Bits(fresh.Range.Number), $"'{text}': {fresh.Range}, parsed {range}");
        }

        return fresh;
    }

    private static long? Bits(double? number) => number is { } n ? BitConverter.DoubleToInt64Bits(n) : null;

    // Every field of a sample file, as the inference's reader hands it over.
    private static List<byte[]> FieldsOf(CsvSourceOptions options)
    {
        var fields = new List<byte[]>();
        using var stream = File.OpenRead(options.Path);
        using var csv = CsvReader.Create(stream, CsvSample.ReaderOptions(options, hasHeader: false), leaveOpen: true);
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                fields.Add(csv.GetSpan(i).ToArray());
            }
        }

        return fields;
    }

    // Numbers in every writing (signed zeros, leading zeros, groups, exponents, nines codes), dates, sentinels, white
    // space, non-ASCII and invalid UTF-8: values whose kinds differ by little, so a lookup that mixes two shows.
    private static IEnumerable<byte[]> MadeUpValues(Random random)
    {
        string[] fixedValues =
        [
            "0", "-0", "+0", "0.0", "-0.0", "+0.0", "00", "-00", "1", "01", "1.0", "1.00", "-1", "9999", "-9999", "-9999.0", "99", "999.00",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "9007199254740993", "-9007199254740993",
            "12345678901234567890", "+12", " -7 ", "- 7", "+-7", "1e5", "1E5", "-1e-5", "1,234", "1,234.50", "1.234,50", "3,5", "-12,75", "1 234", " 12", "12 ", "\t12", "0x1F", "1_000",
            "NA", "na", "N/A", " NA ", "null", "NULL", "None", "-", "--", "?", ".", "NaN", "nan", "Infinity", "-Infinity", "∞",
            "true", "false", "True", "yes", "Y", "n", "t", "F", "2024-01-31", "2024-1-31", "31.01.2024", "1.2.2024", "01/02/2024",
            "2024-01-31T12:00:00Z", "2024-01-31 12:00", "2024-01-31T12:00:00.123+02:00", "12:00", "12:00:00", "1:05 PM",
            "2024-05", "1999", "3000", "Zürich", "١٢٣", "１２３", "12\u00a0345", "[1,2]", "{\"a\":1}", "{bad", "[]",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "a@b.example", "\u00e9", "e\u0301",
        ];
        foreach (var value in fixedValues)
        {
            yield return Encoding.UTF8.GetBytes(value);
        }

        yield return [0xFF];
        yield return [(byte)'1', 0xC3];
        yield return [0xC3, 0x28, (byte)'5'];
        yield return [(byte)'N', (byte)'A', 0x80];
        for (var i = 0; i < 2000; i++)
        {
            yield return Encoding.UTF8.GetBytes((random.Next(6) switch
            {
                0 => (random.Next(3) == 0 ? random.NextInt64() >> random.Next(64) : random.Next(-100_000, 100_000)).ToString(CultureInfo.InvariantCulture),
                1 => (random.NextDouble() * 2000 - 1000).ToString(random.Next(2) == 0 ? "0.00" : "R", CultureInfo.InvariantCulture),
                2 => new DateOnly(2000, 1, 1).AddDays(random.Next(10_000)).ToString(random.Next(2) == 0 ? "yyyy-MM-dd" : "dd.MM.yyyy", CultureInfo.InvariantCulture),
                3 => random.Next(0, 1000).ToString("0000", CultureInfo.InvariantCulture),
                4 => random.Next(-100_000, 100_000).ToString("N0", CultureInfo.InvariantCulture),
                _ => new string('9', random.Next(1, 6)) + (random.Next(2) == 0 ? ".0" : ""),
            }).Replace("-", random.Next(8) == 0 ? "- " : "-", StringComparison.Ordinal));
        }
    }

    // Keys from a few bytes, so many share lengths, prefixes and the first sixteen bytes.
    private static byte[] Key(Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(17, 48) : random.Next(0, 17);
        ReadOnlySpan<byte> alphabet = [(byte)'0', (byte)'1', (byte)'a', 0, 0xFF];
        var key = new byte[length];
        for (var i = 0; i < length; i++)
        {
            key[i] = alphabet[random.Next(alphabet.Length)];
        }

        return key;
    }

    // The key with one byte changed, one cut off or one added at a random place.
    private static byte[] Mutated(byte[] key, Random random)
    {
        var mutated = key.ToList();
        var at = random.Next(key.Length + 1);
        switch (random.Next(3))
        {
            case 0 when key.Length > 0:
                mutated[Math.Min(at, key.Length - 1)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when key.Length > 0:
                mutated.RemoveAt(Math.Min(at, key.Length - 1));
                break;
            default:
                mutated.Insert(at, (byte)'0');
                break;
        }

        return [.. mutated];
    }
}
