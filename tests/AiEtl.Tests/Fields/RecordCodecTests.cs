using System.Buffers;
using System.Text;
using AiEtl.Csv;

namespace AiEtl.Tests.Fields;

/// <summary>
/// Dynamic rows: values of the field's own type are written as they are, values of other types are converted as
/// before, and every row read gets metadata of its own.
/// </summary>
public sealed class RecordCodecTests
{
    private static readonly Schema Schema = new(
        "mixed",
        [
            new Field("id", FieldType.Integer),
            new Field("name", FieldType.String),
            new Field("ratio", FieldType.Float),
            new Field("amount", FieldType.Decimal),
            new Field("active", FieldType.Boolean),
            new Field("day", FieldType.Date),
            new Field("at", FieldType.Time),
            new Field("when", FieldType.DateTime),
            new Field("instant", FieldType.Timestamp),
            new Field("key", FieldType.Guid),
            new Field("tags", FieldType.Array),
            new Field("note", FieldType.String),
        ]);

    [Fact]
    public void Values_of_other_types_are_written_as_their_field_type_like_values_of_its_own()
    {
        var key = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var own = new Dictionary<string, object?>
        {
            ["id"] = 7L,
            ["name"] = "Zoë",
            ["ratio"] = 0.5,
            ["amount"] = 12.30m,
            ["active"] = true,
            ["day"] = new DateOnly(2024, 2, 29),
            ["at"] = new TimeOnly(13, 45, 7),
            ["when"] = new DateTime(2024, 2, 29, 13, 45, 7, DateTimeKind.Utc),
            ["instant"] = new DateTimeOffset(2024, 2, 29, 13, 45, 7, TimeSpan.FromHours(2)),
            ["key"] = key,
            ["tags"] = "[\"a\",\"b\"]",
            ["note"] = null,
        };
        var other = new Dictionary<string, object?>
        {
            ["id"] = 7,
            ["name"] = "Zoë",
            ["ratio"] = 0.5f,
            ["amount"] = "12.30",
            ["active"] = "true",
            ["day"] = "2024-02-29",
            ["at"] = "13:45:07",
            ["when"] = new DateTimeOffset(2024, 2, 29, 13, 45, 7, TimeSpan.Zero),
            ["instant"] = "2024-02-29T13:45:07+02:00",
            ["key"] = key.ToString(),
            ["tags"] = "[\"a\",\"b\"]",
        };

        var expected = "7,Zoë,0.5,12.30,true,2024-02-29,13:45:07,2024-02-29T13:45:07Z,2024-02-29T13:45:07+02:00,0f8fad5b-d9cb-469f-a165-70867728950e,\"[\"\"a\"\",\"\"b\"\"]\",\r\n";
        Assert.Equal(expected, WriteCsv(own));
        Assert.Equal(expected, WriteCsv(other));
    }

    [Fact]
    public void Every_row_read_gets_its_own_empty_custom_metadata()
    {
        var template = new RecordMetadata("csv", "in.csv") { PipelineId = "p" };
        template.Custom["kept"] = "on the template only";
        var codec = new RecordCodec(Schema, template);

        var first = Read(codec);
        var second = Read(codec);
        first.Metadata.Custom["mark"] = 1;

        Assert.Equal(("csv", "in.csv", "p"), (second.Metadata.SourceType, second.Metadata.SourceId, second.Metadata.PipelineId));
        Assert.Empty(second.Metadata.Custom);
        Assert.Equal(["mark"], first.Metadata.Custom.Keys);
        Assert.Equal(["kept"], template.Custom.Keys);
        Assert.NotSame(first.Metadata, second.Metadata);
    }

    [Fact]
    public void A_rows_metadata_is_made_once_and_is_its_own_even_when_the_callers_template_changes_later()
    {
        var template = new RecordMetadata("csv", "in.csv") { PipelineId = "p" };
        var codec = new RecordCodec(Schema, template);
        var first = Read(codec);
        template.PipelineId = "changed after the codec was made";
        var second = Read(codec);

        first.Metadata.QualityScore = 0.5;

        Assert.Same(first.Metadata, first.Metadata);
        Assert.Null(second.Metadata.QualityScore);
        Assert.Equal(("p", "p"), (first.Metadata.PipelineId, second.Metadata.PipelineId));
    }

    [Theory]
    [InlineData(-129L)]
    [InlineData(-128L)]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(42L)]
    [InlineData(1023L)]
    [InlineData(1024L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Integers_read_are_their_values_whether_their_box_is_shared_or_not(long value)
    {
        var codec = new RecordCodec(Schema, new RecordMetadata("csv", "in.csv"));
        var reader = new DictionaryFieldReader(Schema, new Dictionary<string, object?> { ["id"] = value });
        var first = codec.Read(ref reader);
        reader = new DictionaryFieldReader(Schema, new Dictionary<string, object?> { ["id"] = value });
        var second = codec.Read(ref reader);

        Assert.Equal(value, Assert.IsType<long>(first["id"]));
        Assert.Equal(value, Assert.IsType<long>(second["id"]));
        // Small values share one box (the allocation saved); others get their own.
        Assert.Equal(value is >= -128 and <= 1023, ReferenceEquals(first["id"], second["id"]));
    }

    private static string WriteCsv(Dictionary<string, object?> values)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new CsvFieldWriter(output, new CsvWriteFormat(new CsvDestinationOptions("x.csv")));
        new RecordCodec(Schema, new RecordMetadata("test", "test")).Write(new Record(values, new RecordMetadata("test", "test"), Schema), ref writer);
        writer.EndRecord();
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static Record Read(RecordCodec codec)
    {
        var reader = new DictionaryFieldReader(Schema, new Dictionary<string, object?> { ["id"] = 1L, ["name"] = "a" });
        return codec.Read(ref reader);
    }
}
