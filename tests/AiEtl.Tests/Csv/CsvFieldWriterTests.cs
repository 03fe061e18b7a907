using System.Buffers;
using System.Text;
using AiEtl.Csv;
using AiEtl.Internal;
using AiEtl.Tests.Files;
using CsCheck;

namespace AiEtl.Tests.Csv;

/// <summary>
/// Array and enum cells are formatted in UTF-8 without a string per value, and are byte for byte what writing their
/// text as a string cell gives (quoting, doubled quotes, the null token), whatever the delimiter and quote.
/// </summary>
public sealed class CsvFieldWriterTests
{
    private const int Cases = 20_000;

    private static readonly CsvDestinationOptions[] Dialects =
    [
        new("x.csv"),
        new("x.csv") { Delimiter = ';', Quote = '\'' },
        new("x.csv") { Delimiter = '\t', NullValue = "[]" },
        new("x.csv") { NullValue = "[\"a\"]" },
    ];

    [Fact]
    public void String_arrays_are_the_cells_of_their_json_text()
    {
        var text = Gen.OneOf(
            Gen.String[0, 12],
            Gen.OneOf("", " ", "a", "\"", "'", ",", ";", "\t", "\r\n", "\n", " lead", "trail ", "Zoë", "日本", "😀", "\\", "\u0001", "[]"));
        Gen.Select(Gen.Int[0, Dialects.Length - 1], text.Array[0, 5]).Sample(
            (dialect, values) => Assert.Equal(AsStringCell(dialect, JsonArrays.Format<string>(values)), Cell(dialect, (ref CsvFieldWriter writer) => writer.WriteArray<string>(1, values))),
            iter: Cases);
    }

    [Fact]
    public void Number_date_and_empty_arrays_are_the_cells_of_their_json_text()
    {
        Gen.Select(Gen.Int[0, Dialects.Length - 1], Gen.Long.Array[0, 6], Gen.Decimal.Array[0, 4], Gen.Date.Array[0, 3]).Sample(
            (dialect, longs, decimals, dates) =>
            {
                Assert.Equal(AsStringCell(dialect, JsonArrays.Format<long>(longs)), Cell(dialect, (ref CsvFieldWriter writer) => writer.WriteArray<long>(1, longs)));
                Assert.Equal(AsStringCell(dialect, JsonArrays.Format<decimal>(decimals)), Cell(dialect, (ref CsvFieldWriter writer) => writer.WriteArray<decimal>(1, decimals)));
                var days = dates.Select(DateOnly.FromDateTime).ToArray();
                Assert.Equal(AsStringCell(dialect, JsonArrays.Format<DateOnly>(days)), Cell(dialect, (ref CsvFieldWriter writer) => writer.WriteArray<DateOnly>(1, days)));
            },
            iter: Cases);
    }

    [Theory]
    [InlineData(Tier.Gold)]
    [InlineData((Tier)42)]
    [InlineData(AttributeTargets.Class | AttributeTargets.Method)]
    [InlineData((AttributeTargets)0)]
    public void Enums_are_the_cells_of_their_names(object value)
    {
        for (var dialect = 0; dialect < Dialects.Length; dialect++)
        {
            var expected = AsStringCell(dialect, value.ToString()!);
            var actual = value switch
            {
                Tier tier => Cell(dialect, (ref CsvFieldWriter writer) => writer.WriteEnum(1, tier)),
                AttributeTargets targets => Cell(dialect, (ref CsvFieldWriter writer) => writer.WriteEnum(1, targets)),
                _ => throw new InvalidOperationException(),
            };
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_quoted_array_cell_doubles_its_quotes()
    {
        Assert.Equal("x,\"[\"\"a,b\"\",\"\"c\"\"]\"", Cell(0, (ref CsvFieldWriter writer) => writer.WriteArray<string>(1, ["a,b", "c"])));
        Assert.Equal("x,\"[1,2]\"", Cell(0, (ref CsvFieldWriter writer) => writer.WriteArray<int>(1, [1, 2])));
        Assert.Equal("x;[1,2]", Cell(1, (ref CsvFieldWriter writer) => writer.WriteArray<int>(1, [1, 2])));
        Assert.Equal("x\t\"[]\"", Cell(2, (ref CsvFieldWriter writer) => writer.WriteArray<int>(1, [])));
    }

    private delegate void Write(ref CsvFieldWriter writer);

    private static string AsStringCell(int dialect, string text) => Cell(dialect, (ref CsvFieldWriter writer) => writer.WriteString(1, text));

    // A record of two cells, so the delimiter before the cell is written too.
    private static string Cell(int dialect, Write write)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new CsvFieldWriter(output, new CsvWriteFormat(Dialects[dialect]));
        writer.WriteString(0, "x");
        write(ref writer);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
