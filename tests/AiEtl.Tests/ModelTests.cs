namespace AiEtl.Tests;

public sealed class ModelTests
{
    [Fact]
    public void Fields_are_nullable_by_default_as_in_the_seed()
    {
        Assert.True(new Field("name", FieldType.String).IsNullable);
    }

    [Fact]
    public void Get_field_finds_by_exact_name()
    {
        var schema = new Schema("s", [new Field("id", FieldType.Integer), new Field("Name", FieldType.String)]);

        Assert.Equal(FieldType.String, schema.GetField("Name")!.Type);
        Assert.Null(schema.GetField("name"));
        Assert.Equal(1, schema.IndexOf("Name"));
    }

    [Fact]
    public void Locations_read_like_compiler_messages()
    {
        var location = new DataLocation("data.csv") { Line = 7, Column = 3, ColumnName = "age", Row = 6 };

        Assert.Equal("data.csv(7,3) row 6 column 'age'", location.ToString());
        Assert.Equal("data.csv(7,3) row 6 column 'age': bad", new ReadException("bad", location).Message);
    }

    [Fact]
    public void Exceptions_share_the_base_and_do_not_shadow_system_names()
    {
        var types = typeof(EtlException).Assembly.GetExportedTypes().Where(t => t.IsAssignableTo(typeof(Exception))).ToList();

        Assert.All(types.Where(t => t != typeof(AiEtl.FieldFormatException)), t => Assert.True(t.IsAssignableTo(typeof(EtlException)), t.Name));
        var systemNames = typeof(object).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet();
        Assert.All(types, t => Assert.DoesNotContain(t.Name, systemNames));
    }

    [Fact]
    public void A_record_keeps_each_of_its_times_apart_and_forgets_one_set_to_null()
    {
        var record = new Record(new Dictionary<string, object?> { ["id"] = 1L }, new RecordMetadata("test", "test"));
        Assert.Null(record.ExtractedAt);
        record.LoadedAt = null;
        Assert.Null(record.LoadedAt);

        var read = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.FromHours(2));
        record.ExtractedAt = read;
        record.LoadedAt = read.AddMinutes(5);

        Assert.Equal(read, record.ExtractedAt);
        Assert.Equal(TimeSpan.FromHours(2), record.ExtractedAt!.Value.Offset);
        Assert.Null(record.TransformedAt);
        Assert.Equal(read.AddMinutes(5), record.LoadedAt);

        record.ExtractedAt = null;
        Assert.Null(record.ExtractedAt);
        Assert.Equal(read.AddMinutes(5), record.LoadedAt);
    }
}
