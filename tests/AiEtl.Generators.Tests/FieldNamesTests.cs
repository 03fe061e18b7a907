namespace AiEtl.Generators.Tests;

/// <summary>Default field names: the property name in snake_case.</summary>
public sealed class FieldNamesTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("SignupDate", "signup_date")]
    [InlineData("HTTPCode", "http_code")]
    [InlineData("IOStream", "io_stream")]
    [InlineData("ID", "id")]
    [InlineData("userId", "user_id")]
    [InlineData("Address2Line", "address2_line")]
    [InlineData("Utf8Name", "utf8_name")]
    [InlineData("Line2", "line2")]
    [InlineData("Already_Snake", "already_snake")]
    [InlineData("lower", "lower")]
    public void Names_become_snake_case(string name, string expected)
    {
        Assert.Equal(expected, FieldNames.ToSnakeCase(name));
    }
}
