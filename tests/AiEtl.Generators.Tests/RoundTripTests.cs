using AiEtl.Generators.Tests.Infrastructure;
using AiEtl.Generators.Tests.Records;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The generated members at run time, on records in this project compiled with the generator as an analyzer:
/// the schema is the declared one, and a record written by WriteFields and read back by ReadFields is unchanged.
/// The records are used only through <see cref="IEtlRecord{TSelf}"/>, as a generic adapter would.
/// </summary>
public sealed class RoundTripTests
{
    [Fact]
    public void Customer_schema_has_the_declared_fields_key_and_name()
    {
        var schema = SchemaOf<Customer>();

        Assert.Equal("customers", schema.Name);
        Assert.Equal("1.0", schema.Version);
        Assert.Equal(["id"], schema.PrimaryKey!);
        Assert.Equal(
            [
                new Field("id", FieldType.Integer) { IsNullable = false },
                new Field("email", FieldType.String) { IsNullable = false },
                new Field("name", FieldType.String) { IsNullable = false },
                new Field("age", FieldType.Integer) { IsNullable = true },
                new Field("signup_date", FieldType.Date) { IsNullable = false },
                new Field("last_login", FieldType.DateTime) { IsNullable = false },
                new Field("balance", FieldType.Decimal) { IsNullable = false },
                new Field("country", FieldType.String) { IsNullable = false },
                new Field("active", FieldType.Boolean) { IsNullable = false },
                new Field("tags", FieldType.Json) { IsNullable = false },
            ],
            schema.Fields);
    }

    [Fact]
    public void Customer_round_trips()
    {
        var customer = new Customer(
            Id: 42,
            Email: "ada@example.com",
            Name: "Ada",
            Age: null,
            SignupDate: new DateOnly(2024, 2, 29),
            LastLogin: new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            Balance: 1234.50m,
            Country: "GB",
            Active: true,
            Tags: """["vip","beta"]""");

        var row = Write(customer);

        Assert.Equal(42, row[0]);
        Assert.Null(row[3]);
        Assert.Equal(new JsonText("""["vip","beta"]"""), row[9]);
        Assert.Equal(customer, Read<Customer>(row));
        Assert.Equal(customer with { Age = 37 }, Read<Customer>(Write(customer with { Age = 37 })));
    }

    [Fact]
    public void Order_class_round_trips_through_its_object_initializer()
    {
        Assert.Equal(["order_id", "customer_email", "status", "previous_status"], SchemaOf<Order>().Fields.Select(field => field.Name));
        Assert.Equal("2.0", SchemaOf<Order>().Version);
        var order = new Order { OrderId = 7_000_000_000, Email = null, Status = OrderStatus.Shipped, PreviousStatus = OrderStatus.Pending };

        var row = Write(order);
        var read = Read<Order>(row);

        Assert.Equal(OrderStatus.Pending, row[3]);
        Assert.Equal((order.OrderId, order.Email, order.Status, order.PreviousStatus), (read.OrderId, read.Email, read.Status, read.PreviousStatus));
    }

    [Fact]
    public void Every_type_round_trips_with_the_matching_reader_and_writer_methods()
    {
        var record = new EveryType(
            Text: "text",
            OptionalText: null,
            Json: """{"a":1}""",
            Small: short.MinValue,
            OptionalSmall: 12,
            Number: int.MaxValue,
            Big: long.MinValue,
            OptionalBig: null,
            Single: 1.5f,
            Double: Math.PI,
            OptionalDouble: -0.25,
            Money: 79228162514264337593543950335m,
            Flag: true,
            Day: DateOnly.MaxValue,
            Time: new TimeOnly(23, 59, 59),
            OptionalTime: null,
            When: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Local),
            Instant: new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)),
            OptionalInstant: DateTimeOffset.UnixEpoch,
            Key: Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Status: OrderStatus.Shipped,
            OptionalStatus: OrderStatus.Pending)
        {
            Note = "set after the constructor",
        };

        var row = Write(record);

        var schema = SchemaOf<EveryType>();
        Assert.Equal(["text"], schema.PrimaryKey!);
        Assert.Equal(FieldType.Json, schema.GetField("json")!.Type);
        Assert.IsType<JsonText>(row[schema.IndexOf("json")]);
        Assert.IsType<OrderStatus>(row[schema.IndexOf("status_code")]);
        Assert.IsType<short>(row[schema.IndexOf("optional_small")]);
        Assert.Equal(record, Read<EveryType>(row));
    }

    private static Schema SchemaOf<T>()
        where T : IEtlRecord<T> => T.Schema;

    private static Dictionary<int, object?> Write<T>(T record)
        where T : IEtlRecord<T>
    {
        var writer = new DictionaryFieldWriter();
        T.WriteFields(in record, ref writer);
        Assert.Equal(Enumerable.Range(0, T.Schema.Fields.Count), writer.Values.Keys.Order());
        return writer.Values;
    }

    private static T Read<T>(Dictionary<int, object?> row)
        where T : IEtlRecord<T>
    {
        var reader = new DictionaryFieldReader(row);
        return T.ReadFields(ref reader);
    }
}
