
using AiEtl.Internal;

namespace AiEtl.Tests.Fields;

public sealed class JsonArraysTests
{
    [Fact]
    public void Non_finite_numbers_round_trip_as_named_literals()
    {
        double[] values = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 1.5];

        var json = JsonArrays.Format<double>(values);

        Assert.Equal("[\"NaN\",\"Infinity\",\"-Infinity\",-0,1.5]", json);
        Assert.Equal(values, JsonArrays.Parse<double>(json));
        Assert.Equal([float.NaN, float.NegativeInfinity], JsonArrays.Parse<float>(JsonArrays.Format<float>([float.NaN, float.NegativeInfinity])));
    }

    [Theory]
    [InlineData("[1,\"x\"]")]
    [InlineData("{\"a\":1}")]
    [InlineData("[1,2] 3")]
    [InlineData("[1,")]
    public void Text_that_is_not_an_array_of_numbers_is_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => JsonArrays.Parse<double>(json));
    }

    [Fact]
    public void Dates_and_guids_round_trip()
    {
        DateOnly[] days = [new(2024, 2, 29), DateOnly.MinValue];
        Guid[] ids = [Guid.Empty, new("0f8fad5b-d9cb-469f-a165-70867728950e")];

        Assert.Equal(days, JsonArrays.Parse<DateOnly>(JsonArrays.Format<DateOnly>(days)));
        Assert.Equal(ids, JsonArrays.Parse<Guid>(JsonArrays.Format<Guid>(ids)));
    }
}
