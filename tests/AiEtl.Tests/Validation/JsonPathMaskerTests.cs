namespace AiEtl.Tests.Validation;

/// <summary>
/// <see cref="JsonPathMasker"/> and the path syntax of <see cref="SensitivePath"/>: the values at each path masked by
/// their kind, everything else of the JSON text kept byte for byte, and text that is not JSON masked whole.
/// </summary>
public sealed class JsonPathMaskerTests
{
    private static readonly Field Contact = new("contact", FieldType.Json)
    {
        SensitivePaths =
        [
            new SensitivePath("email", SensitiveKind.Email),
            new SensitivePath("name", SensitiveKind.Other),
            new SensitivePath("orders[].card", SensitiveKind.CreditCard),
            new SensitivePath("[\"a.b\"]", SensitiveKind.Phone),
        ],
    };

    [Fact]
    public void Masks_the_values_at_the_paths_and_keeps_the_rest_of_the_text_as_it_was()
    {
        const string json = """{"email": "mary@example.com",  "city":"Leeds", "name": "Mary Smith", "a.b": "+44 20 7946 0958"}""";

        Assert.Equal("""{"email": "m***@example.com",  "city":"Leeds", "name": "***", "a.b": "***58"}""", FieldMasks.Mask(Contact, json));
    }

    [Fact]
    public void Masks_every_element_of_an_array_of_objects_and_a_number_at_a_masked_path()
    {
        const string json = """{"orders": [{"card": "4111 1111 1111 1111", "sku": "A1"}, {"card": 5500000000000004}, {"sku": "B2"}]}""";

        Assert.Equal("""{"orders": [{"card": "***1111", "sku": "A1"}, {"card": "***0004"}, {"sku": "B2"}]}""", FieldMasks.Mask(Contact, json));
    }

    [Fact]
    public void Masks_an_object_at_a_masked_path_whole_and_keeps_a_null()
    {
        Assert.Equal("""{"name": "***", "email": null}""", FieldMasks.Mask(Contact, """{"name": {"first": "Mary", "last": "Smith"}, "email": null}"""));
    }

    [Fact]
    public void Leaves_json_in_which_no_path_occurs_unchanged()
    {
        const string json = """{"city": "Leeds", "nested": {"email": "not@this.path"}, "orders": []}""";

        Assert.Equal(json, FieldMasks.Mask(Contact, json));
    }

    [Theory]
    [InlineData("""{"email": "mary@example.com", """)]
    [InlineData("mary@example.com")]
    [InlineData("""{"email": "mary@example.com"} trailing""")]
    public void Masks_text_that_is_not_json_whole(string text) => Assert.Equal("***", FieldMasks.Mask(Contact, text));

    [Fact]
    public void Masks_inside_a_json_string_that_holds_an_object_and_keeps_it_a_string()
    {
        Assert.Equal("\"{\\\"email\\\":\\\"m***@example.com\\\"}\"", FieldMasks.Mask(Contact, "\"{\\\"email\\\":\\\"mary@example.com\\\"}\""));
    }

    [Theory]
    [InlineData("email", new[] { "email" })]
    [InlineData("address.city", new[] { "address", "city" })]
    [InlineData("orders[].card", new[] { "orders", null, "card" })]
    [InlineData("[]", new string?[] { null })]
    [InlineData("[][]", new string?[] { null, null })]
    [InlineData("x[\"a.b\"].c", new[] { "x", "a.b", "c" })]
    [InlineData("[\"\"]", new[] { "" })]
    [InlineData("[\"q\\\"\\u0041\"]", new[] { "q\"A" })]
    public void Parses_the_paths_as_the_scan_spells_them(string path, string?[] steps) =>
        Assert.Equal(steps, new SensitivePath(path, SensitiveKind.Other).Steps);

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData(".a")]
    [InlineData("a[")]
    [InlineData("a[0]")]
    [InlineData("a]")]
    [InlineData("a[\"b\"")]
    [InlineData("a[\"b\\q\"]")]
    [InlineData("a[]b")]
    public void Refuses_a_path_that_is_not_written_as_the_scan_writes_one(string path) =>
        Assert.Throws<ArgumentException>(() => new SensitivePath(path, SensitiveKind.Other));
}
