using AiEtl.Csv;

namespace AiEtl.Tests.Engine;

/// <summary>Select and Rename steps of dynamic rows: the rows and the schema the destination gets both change.</summary>
public sealed class SelectRenameTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-select-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Select_then_rename_writes_the_kept_fields_under_their_new_names_in_the_listed_order()
    {
        var input = Write("in.csv", "id,name,age,email\n1,ann,30,a@x.org\n2,bob,,b@x.org\n");
        var output = Path.Combine(_directory, "out.csv");
        var schema = CsvSchemaInference.Infer(new CsvSourceOptions(input)) with { PrimaryKey = ["id"] };
        var select = new RecordSelect(["email", "id", "name"]);
        var rename = new RecordRename(new Dictionary<string, string> { ["email"] = "mail", ["id"] = "customer_id" });
        var written = rename.OutputSchema(select.OutputSchema(schema));

        var result = await EtlPipeline.Create<Record>("select-rename")
            .From(new CsvSource<Record, RecordCodec>(new CsvSourceOptions(input), new RecordCodec(schema, new RecordMetadata("csv", input))))
            .Select("email", "id", "name")
            .Rename(("email", "mail"), ("id", "customer_id"))
            .To(new CsvDestination<Record, RecordCodec>(new CsvDestinationOptions(output), new RecordCodec(written, new RecordMetadata("csv", output))))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(["mail,customer_id,name", "a@x.org,1,ann", "b@x.org,2,bob"], File.ReadAllLines(output));
        Assert.Equal(["customer_id"], written.PrimaryKey);
        Assert.Equal([FieldType.String, FieldType.Integer, FieldType.String], written.Fields.Select(f => f.Type));
        Assert.Equal(2, result.RecordsLoaded);
    }

    [Fact]
    public void A_missing_field_or_a_name_taken_already_is_a_configuration_error()
    {
        var schema = new Schema("rows", [new Field("id", FieldType.Integer), new Field("name", FieldType.String)]) { PrimaryKey = ["id"] };

        var missing = Assert.Throws<PipelineConfigurationException>(() => new RecordSelect(["id", "nmae"]).OutputSchema(schema));
        var taken = Assert.Throws<PipelineConfigurationException>(() => new RecordRename(new Dictionary<string, string> { ["id"] = "name" }).OutputSchema(schema));
        var swapped = new RecordRename(new Dictionary<string, string> { ["id"] = "name", ["name"] = "id" }).OutputSchema(schema);

        Assert.Contains("'nmae' is not among the fields it receives (id, name)", missing.Message, StringComparison.Ordinal);
        Assert.Contains("a field of that name is there already", taken.Message, StringComparison.Ordinal);
        Assert.Equal(["name", "id"], swapped.Fields.Select(f => f.Name));
        Assert.Null(new RecordSelect(["name"]).OutputSchema(schema).PrimaryKey);
    }

    [Fact]
    public async Task A_destination_whose_codec_was_made_for_the_source_schema_is_refused_before_any_row()
    {
        var input = Write("in.csv", "id,name\n1,ann\n");
        var output = Path.Combine(_directory, "out.csv");
        var schema = CsvSchemaInference.Infer(new CsvSourceOptions(input));

        var result = await EtlPipeline.Create<Record>("stale-codec")
            .From(new CsvSource<Record, RecordCodec>(new CsvSourceOptions(input), new RecordCodec(schema, new RecordMetadata("csv", input))))
            .Select("name")
            .To(new CsvDestination<Record, RecordCodec>(new CsvDestinationOptions(output), new RecordCodec(schema, new RecordMetadata("csv", output))))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Contains("the destination writes the fields id, name, but the rows it gets have name", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
