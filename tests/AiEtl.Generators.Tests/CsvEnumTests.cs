using AiEtl.Generators.Tests.Infrastructure;
using AiEtl.Generators.Tests.Records;

namespace AiEtl.Generators.Tests;

/// <summary>Enum fields read from CSV by name, ignoring case; a bad or missing value names the members.</summary>
public sealed class CsvEnumTests
{
    [Theory]
    [InlineData("7,,shipped,", OrderStatus.Shipped, null)]
    [InlineData("7,,Pending,SHIPPED", OrderStatus.Pending, OrderStatus.Shipped)]
    public async Task Enums_read_by_name_ignoring_case(string line, OrderStatus status, OrderStatus? previous)
    {
        var errors = new ListErrorSink();

        var order = Assert.Single(await Read(line, errors));

        Assert.Empty(errors.Errors);
        Assert.Equal((status, previous), (order.Status, order.PreviousStatus));
    }

    [Theory]
    [InlineData("7,,Lost,", "'Lost' is not one of Pending, Shipped")]
    [InlineData("7,,,", "'' is not one of Pending, Shipped (the field is empty and not nullable)")]
    public async Task A_bad_enum_names_the_members(string line, string message)
    {
        var errors = new ListErrorSink();

        Assert.Empty(await Read(line, errors));

        Assert.Equal(message, Assert.Single(errors.Errors).Message);
    }

    private static Task<List<Order>> Read(string line, ListErrorSink errors) =>
        TempCsv.ReadAsync<Order>("order_id,customer_email,status,previous_status\n" + line + "\n", errors);
}
