namespace AiEtl.Tests.Fields;

/// <summary>
/// A dynamic row's values held by the schema's ordinal behave as a <see cref="Dictionary{TKey, TValue}"/> would:
/// checked against one under random operations, with names inside and outside the schema, null values and removals.
/// </summary>
public sealed class RecordDataTests
{
    private static readonly Schema Schema = new(
        "row",
        [new Field("id", FieldType.Integer), new Field("name", FieldType.String), new Field("note", FieldType.String)]);

    private static readonly string[] Names = ["id", "name", "note", "extra", "other", "Id"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_shaped_row_answers_every_operation_as_a_dictionary_does(int seed)
    {
        var random = new Random(seed);
        var row = new RecordData(RecordShape.Of(Schema), [1L, "a", null]);
        var oracle = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = 1L, ["name"] = "a", ["note"] = null };

        for (var step = 0; step < 2_000; step++)
        {
            var name = Names[random.Next(Names.Length)];
            object? value = random.Next(4) == 0 ? null : random.Next(100);
            switch (random.Next(6))
            {
                case 0:
                    row[name] = value;
                    oracle[name] = value;
                    break;
                case 1:
                    Assert.Equal(oracle.TryAdd(name, value), row.TryAdd(name, value));
                    break;
                case 2:
                    Assert.Equal(oracle.Remove(name, out var expected), row.Remove(name, out var removed));
                    Assert.Equal(expected, removed);
                    break;
                case 3:
                    Assert.Equal(oracle.TryGetValue(name, out var had), row.TryGetValue(name, out var has));
                    Assert.Equal(had, has);
                    break;
                case 4 when random.Next(20) == 0:
                    row.Clear();
                    oracle.Clear();
                    break;
                default:
                    Assert.Equal(oracle.ContainsKey(name), row.ContainsKey(name));
                    break;
            }

            Assert.Equal(oracle.Count, row.Count);
            Assert.Equal(oracle.OrderBy(e => e.Key, StringComparer.Ordinal), row.OrderBy(e => e.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_missing_field_throws_as_a_dictionary_does_and_names_the_field()
    {
        var row = new RecordData(RecordShape.Of(Schema), [1L, "a", null]);
        row.Remove("note");

        Assert.Contains("'note'", Assert.Throws<KeyNotFoundException>(() => row["note"]).Message);
        Assert.Throws<KeyNotFoundException>(() => row["absent"]);
        Assert.Throws<ArgumentException>(() => row.Add("id", 2L));
        Assert.Equal(["id", "name"], row.Keys);
    }

    [Fact]
    public void Fields_keep_schema_order_and_others_follow_in_the_order_they_were_added()
    {
        var row = new RecordData(RecordShape.Of(Schema), [1L, "a", null]) { ["z"] = 1, ["b"] = 2 };
        row.Remove("name");
        row["name"] = "again";

        Assert.Equal(["id", "name", "note", "z", "b"], row.Keys);
        Assert.Equal([1L, "again", null, 1, 2], row.Values);
    }

    [Fact]
    public void Fields_can_be_removed_while_enumerating_as_select_does()
    {
        var row = new RecordData(RecordShape.Of(Schema), [1L, "a", null]) { ["extra"] = 1 };
        foreach (var (name, _) in row)
        {
            if (name != "id")
            {
                row.Remove(name);
            }
        }

        Assert.Equal(["id"], row.Keys);
    }

    [Fact]
    public void A_record_made_of_a_dictionary_is_that_dictionary()
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Id"] = 1L };
        var record = new Record(values, new RecordMetadata("test", "x"));
        values["later"] = 2;

        Assert.Equal(1L, record["ID"]);
        Assert.Equal(2, record["later"]);
        Assert.Equal(2, record.Data.Count);
    }

    [Fact]
    public void A_schema_with_two_fields_of_one_name_keeps_the_row_by_name_and_the_later_value()
    {
        var twice = new Schema("twice", [new Field("a", FieldType.String), new Field("a", FieldType.String)]);
        Assert.Same(RecordShape.None, RecordShape.Of(twice));
    }

    [Fact]
    public void A_codec_writes_rows_of_another_codecs_shape_and_rows_made_by_name_alike()
    {
        // The destination's schema lists the fields in another order and lacks one: values are found by name once per shape.
        var source = new RecordCodec(Schema, new RecordMetadata("csv", "in.csv"));
        var destination = new RecordCodec(new Schema("out", [Schema.Fields[2], Schema.Fields[0], new Field("added", FieldType.String)]), new RecordMetadata("t", "t"));
        var shaped = Record.Read(new RecordData(RecordShape.Of(Schema), [7L, "x", "n"]), new RecordMetadata("csv", "in.csv"), Schema);
        shaped.Data["added"] = "later";
        var byName = new Record(new Dictionary<string, object?> { ["id"] = 8L, ["note"] = null }, new RecordMetadata("t", "t"));

        Assert.Equal(["n", 7L, "later"], Written(destination, shaped));
        Assert.Equal([null, 8L, null], Written(destination, byName));
        Assert.Equal(["n", 7L, "later"], Written(destination, shaped));
        Assert.Equal([7L, "x", "n"], Written(source, shaped));
    }

    private static object?[] Written(RecordCodec codec, Record row)
    {
        var writer = new DictionaryFieldWriter(codec.Schema, new Dictionary<string, object?>(StringComparer.Ordinal));
        codec.Write(in row, ref writer);
        return [.. codec.Schema.Fields.Select(f => writer.Values.GetValueOrDefault(f.Name))];
    }
}
