using System.Collections;
using AiEtl.Csv;
using AiEtl.Generators.Tests.Infrastructure;
using AiEtl.Generators.Tests.Records;
using AiEtl.Json;
using AiEtl.Sqlite;
using CsCheck;

namespace AiEtl.Generators.Tests;

/// <summary>
/// Property-based round trips (CsCheck) of a record with every supported type through the runtime paths that
/// exist: the dynamic <see cref="Record"/> (<see cref="RecordConversion"/>) and a CSV file read by
/// <see cref="CsvSource{T}"/>; and, written by a pipeline and read back, JSON lines and SQLite: with nulls, empty
/// strings, Unicode, quotes, commas, line breaks, extreme numbers and dates.
/// </summary>
public sealed class PropertyRoundTripTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
            "a", "Z", "0", " ", ",", "\"", "'", "\n", "\r\n", "\t", ";", "é", "日本", "😀", "\u00a0", "null", "NULL", "a,b", "\"\"")
        .Array[0, 8]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<string> Json = Gen.OneOf(
        "{}", "[]", "null", "true", "-1.5e300", "\"text, with \\\"quotes\\\"\"", """{"a":[1,2,{"b":"日本 😀"}],"c":null}""", "\"line\\nbreak\"");

    private static readonly Gen<double> Double = Gen.Frequency(
        (6, Gen.Double),
        (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, double.MaxValue, double.MinValue)));

    private static readonly Gen<float> Single = Gen.Frequency(
        (6, Gen.Float),
        (1, Gen.OneOf(float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue, float.MinValue)));

    private static readonly Gen<decimal> Decimal = Gen.Frequency(
        (6, Gen.Decimal),
        (1, Gen.OneOf(decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.5m, 1.10m)));

    private static readonly Gen<System.Text.Json.JsonElement> Document = Json.Select(json => System.Text.Json.JsonElement.Parse(json));

    private static readonly Gen<DateTime> When = Gen.DateTime.Select(value => value.Kind == DateTimeKind.Local ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified) : value);

    private static readonly Gen<DateTimeOffset> Instant = Gen.Select(Gen.DateTime, Gen.Int[-14 * 60, 14 * 60], (value, minutes) =>
    {
        var offset = TimeSpan.FromMinutes(minutes);
        var ticks = Math.Clamp(value.Ticks, DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
        return new DateTimeOffset(ticks, offset);
    });

    private static readonly Gen<AllTypes> Rows = Gen.Select(
        Gen.Select(Gen.Int, Text, Text.Null(0.3), Json, Json.Null(0.3), (id, text, optionalText, json, optionalJson) => (id, text, optionalText, json, optionalJson)),
        Gen.Select(Gen.Short, Gen.Short.Nullable(0.3), Gen.Int, Gen.Int.Nullable(0.3), Gen.Long, Gen.Long.Nullable(0.3), (a, b, c, d, e, f) => (a, b, c, d, e, f)),
        Gen.Select(Single, Single.Nullable(0.3), Double, Double.Nullable(0.3), Decimal, Decimal.Nullable(0.3), (a, b, c, d, e, f) => (a, b, c, d, e, f)),
        Gen.Select(Gen.Bool, Gen.Bool.Nullable(0.3), Gen.DateOnly, Gen.DateOnly.Nullable(0.3), Gen.TimeOnly, Gen.TimeOnly.Nullable(0.3), (a, b, c, d, e, f) => (a, b, c, d, e, f)),
        Gen.Select(When, When.Nullable(0.3), Instant, Instant.Nullable(0.3), Gen.Guid, Gen.Guid.Nullable(0.3), (a, b, c, d, e, f) => (a, b, c, d, e, f)),
        Gen.Select(Gen.Enum<OrderStatus>(), Gen.Enum<OrderStatus>().Nullable(0.3), Text.Array[0, 4], Text.Array[0, 3].Null(0.3), Gen.Int.List[0, 5], Gen.Long.List[0, 3].Null(0.3), (a, b, c, d, e, f) => (a, b, c, d, e, f)),
        Gen.Select(Gen.Decimal.Array[0, 3], Gen.Double.Array[0, 3], Gen.DateOnly.Array[0, 3].Null(0.3), Gen.Guid.List[0, 3], Instant.Array[0, 3].Null(0.3), Gen.Bool.Array[0, 4], (a, b, c, d, e, f) => (a, b, c, d, e, f)),
        Gen.Select(Document, Document.Nullable(0.3)),
        (t, i, f, d, w, l, m, j) => new AllTypes(
            t.id, t.text, t.optionalText, t.json, t.optionalJson,
            i.a, i.b, i.c, i.d, i.e, i.f,
            f.a, f.b, f.c, f.d, f.e, f.f,
            d.a, d.b, d.c, d.d, d.e, d.f,
            w.a, w.b, w.c, w.d, w.e, w.f,
            l.a, l.b, l.c, l.d, l.e, l.f,
            m.a, m.b, m.c, m.d, m.e, m.f,
            j.Item1, j.Item2));

    [Fact]
    public void Every_type_round_trips_through_the_dynamic_record()
    {
        Rows.Sample(
            row =>
            {
                var record = RecordConversion.ToRecord(in row, new RecordMetadata("test", "memory"));
                Assert.Equal(AllTypes.Schema.Fields.Select(field => field.Name), record.Data.Keys);
                AssertSameFields(row, RecordConversion.FromRecord<AllTypes>(record));
            },
            iter: 500,
            threads: 1);
    }

    [Fact]
    public async Task Every_type_round_trips_through_a_csv_file()
    {
        var directory = Directory.CreateTempSubdirectory("aietl-roundtrip-");
        try
        {
            var file = 0;
            var sample = new List<AllTypes[]>();
            Rows.Array[1, 20].Sample(rows => sample.Add(rows), iter: 60, threads: 1);
            foreach (var rows in sample)
            {
                var path = Path.Combine(directory.FullName, $"rows{file++}.csv");
                CsvTestWriter.Write(path, rows);

                var read = await ReadAll(new CsvSource<AllTypes>(path));

                Assert.Equal(rows.Length, read.Count);
                for (var i = 0; i < rows.Length; i++)
                {
                    // CSV has one empty field for both null and "": a nullable text field reads it back as null.
                    var expected = rows[i] with
                    {
                        OptionalText = rows[i].OptionalText is "" ? null : rows[i].OptionalText,
                    };
                    AssertSameFields(expected, read[i]);
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Every_type_round_trips_through_json_lines()
    {
        await RoundTripThroughFiles(
            "rows.jsonl",
            path => new JsonDestination<AllTypes>(path),
            path => new JsonSource<AllTypes>(path),
            // Known gap of the JSON adapter: a JSON field holding the JSON literal null is read back as no value.
            row => row with
            {
                Json = row.Json == "null" ? "{}" : row.Json,
                OptionalJson = row.OptionalJson == "null" ? null : row.OptionalJson,
                Document = row.Document.ValueKind == System.Text.Json.JsonValueKind.Null ? System.Text.Json.JsonElement.Parse("{}") : row.Document,
                OptionalDocument = row.OptionalDocument?.ValueKind == System.Text.Json.JsonValueKind.Null ? null : row.OptionalDocument,
            });
    }

    [Fact]
    public async Task Every_type_round_trips_through_sqlite()
    {
        await RoundTripThroughFiles(
            "rows.db",
            path => new SqliteDestination<AllTypes>(new SqliteDestinationOptions(path) { SchemaMode = SchemaMode.DropAndCreate }),
            path => new SqliteSource<AllTypes>(new SqliteSourceOptions(path) { Table = AllTypes.Schema.Name }),
            // A decimal column has NUMERIC affinity, which keeps only about 15 significant digits (decimal.MaxValue
            // comes back as a REAL that is no decimal; docs/type-mapping.md), so decimals are kept to 11 significant digits here.
            row => row with
            {
                Money = Math.Round(row.Money / 1e20m, 2),
                OptionalMoney = row.OptionalMoney is decimal money ? Math.Round(money / 1e20m, 2) : null,
                Amounts = [.. row.Amounts.Select(amount => Math.Round(amount / 1e20m, 2))],
            });
    }

    [Fact]
    public async Task Extreme_values_round_trip_through_a_csv_file()
    {
        var extreme = new AllTypes(
            int.MinValue, "", null, "\"\"", null,
            short.MinValue, short.MaxValue, int.MaxValue, int.MinValue, long.MinValue, long.MaxValue,
            float.MaxValue, float.Epsilon, double.MinValue, double.NaN, decimal.MaxValue, decimal.MinValue,
            false, true, DateOnly.MinValue, DateOnly.MaxValue, TimeOnly.MinValue, TimeOnly.MaxValue,
            DateTime.MinValue, DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
            new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.FromHours(14)), new DateTimeOffset(9999, 12, 30, 23, 59, 59, TimeSpan.FromHours(-14)),
            Guid.Empty, Guid.AllBitsSet, OrderStatus.Shipped, null,
            ["", "\"", "a,b\r\nc", "😀"], [], [int.MinValue, int.MaxValue], [long.MaxValue], [decimal.MinValue, 0.0000000001m],
            [double.Epsilon, double.MaxValue, -0.0], [DateOnly.MinValue], [Guid.AllBitsSet], [], [true, false],
            System.Text.Json.JsonElement.Parse("""{"a":"\"quoted\", with comma\r\n"}"""), null);
        var directory = Directory.CreateTempSubdirectory("aietl-extreme-");
        try
        {
            var path = Path.Combine(directory.FullName, "extreme.csv");
            CsvTestWriter.Write(path, [extreme]);

            AssertSameFields(extreme, Assert.Single(await ReadAll(new CsvSource<AllTypes>(path))));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Writes samples of rows with a pipeline into a destination and reads them back: equal field by field, after
    /// <paramref name="supported"/> replaced the values the store cannot hold.
    /// </summary>
    private static async Task RoundTripThroughFiles(
        string fileName,
        Func<string, IDestination<AllTypes>> destination,
        Func<string, ISource<AllTypes>> source,
        Func<AllTypes, AllTypes> supported)
    {
        var samples = new List<AllTypes[]>();
        Rows.Array[1, 20].Sample(rows => samples.Add(rows), iter: 30, threads: 1);
        var directory = Directory.CreateTempSubdirectory("aietl-roundtrip-");
        try
        {
            var file = 0;
            foreach (var rows in samples)
            {
                // Distinct keys, so that a destination that merges on the primary key keeps every row.
                var keyed = rows.Select((row, index) => supported(row) with { Id = index }).ToArray();
                var path = Path.Combine(directory.FullName, $"{file++}-{fileName}");
                var result = await EtlPipeline.Create<AllTypes>("roundtrip")
                    .From(new EnumerableSource<AllTypes>(keyed))
                    .To(destination(path))
                    .RunAsync(TestContext.Current.CancellationToken);
                Assert.True(result.Success, string.Join("\n", result.Errors.Select(error => error.ToString())));

                var read = await ReadAll(source(path));

                Assert.Equal(keyed.Length, read.Count);
                foreach (var (row, back) in keyed.OrderBy(row => row.Id).Zip(read.OrderBy(row => row.Id)))
                {
                    AssertSameFields(row, back);
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<List<T>> ReadAll<T>(ISource<T> source)
    {
        var rows = new List<T>();
        var errors = new ListErrorSink();
        await source.ConnectAsync(TestContext.Current.CancellationToken);
        await foreach (var batch in source.ReadAsync(new ReadContext(7, errors), TestContext.Current.CancellationToken))
        {
            foreach (var row in batch.Rows)
            {
                rows.Add(row);
            }
        }

        Assert.True(errors.Errors.Count == 0, string.Join("\n", errors.Errors.Select(error => error.FullMessage)));
        return rows;
    }

    /// <summary>Compares two records field by field, lists element by element (records compare lists by reference).</summary>
    private static void AssertSameFields<T>(T expected, T actual)
        where T : IEtlRecord<T>
    {
        var left = Fields(expected);
        var right = Fields(actual);
        foreach (var (field, ordinal) in T.Schema.Fields.Select((field, ordinal) => (field, ordinal)))
        {
            var (want, got) = (left[ordinal], right[ordinal]);
            if (want is IEnumerable wantList and not string && got is IEnumerable gotList and not string)
            {
                Assert.True(wantList.Cast<object>().SequenceEqual(gotList.Cast<object>()), $"{field.Name}: [{string.Join(", ", wantList.Cast<object>())}] != [{string.Join(", ", gotList.Cast<object>())}]");
            }
            else
            {
                Assert.True(Equals(want, got), $"{field.Name}: '{want}' != '{got}'");
            }
        }
    }

    private static Dictionary<int, object?> Fields<T>(T record)
        where T : IEtlRecord<T>
    {
        var writer = new DictionaryFieldWriter();
        T.WriteFields(in record, ref writer);
        return writer.Values;
    }
}
