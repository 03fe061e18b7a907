using AiEtl.Generators.Tests.Infrastructure;
using AiEtl.Testing;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The generated code, compared with committed snapshots; each input must also compile, with what was
/// generated, without a warning or an error.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void QuickStart_customer()
    {
        AssertGenerates(
            "QuickStart.Customer.EtlRecord.g.cs",
            """
                namespace QuickStart;
                using AiEtl;
                [EtlRecord("customers")]
                public partial record struct Customer(
                    [property: PrimaryKey] int Id,
                    string Email,
                    string Name,
                    int? Age,
                    DateOnly SignupDate,
                    DateTime LastLogin,
                    decimal Balance,
                    string Country,
                    bool Active,
                    [property: JsonField] string Tags);
                """);
    }

    [Fact]
    public void Nested_class_with_object_initializer()
    {
        AssertGenerates(
            "Shop.Orders.Catalog.Section.Order.EtlRecord.g.cs",
            """
                using AiEtl;

                namespace Shop
                {
                    namespace Orders
                    {
                        public enum OrderStatus
                        {
                            Pending,
                            Shipped,
                            Cancelled,
                        }

                        public static partial class Catalog
                        {
                            internal partial struct Section
                            {
                                [EtlRecord("orders", Version = "2.1")]
                                public partial class Order
                                {
                                    [PrimaryKey]
                                    public long OrderId { get; set; }

                                    [FieldName("customer_email")]
                                    public string? Email { get; init; }

                                    public string Reference { get; set; } = "";

                                    public OrderStatus Status { get; set; }

                                    public OrderStatus? PreviousStatus { get; set; }

                                    public string? HTTPCode { get; private set; }

                                    public decimal? Discount { get; set; }

                                    public string Summary => $"{OrderId} {Status}";

                                    public static int Created { get; set; }

                                    internal int Internal { get; set; }

                                    public int this[int index] => index;
                                }
                            }
                        }
                    }
                }
                """);
    }

    [Fact]
    public void Every_supported_type()
    {
        AssertGenerates(
            "Samples.Types.EveryType.EtlRecord.g.cs",
            """
                using AiEtl;

                namespace Samples.Types;

                public enum Level
                {
                    Low,
                    High,
                }

                [EtlRecord]
                public partial record EveryType(
                    string Text,
                    string? OptionalText,
                    [JsonField] string Json,
                    [property: JsonField] string? OptionalJson,
                    short Small,
                    short? OptionalSmall,
                    int Number,
                    int? OptionalNumber,
                    long Big,
                    long? OptionalBig,
                    float Single,
                    float? OptionalSingle,
                    double Double,
                    double? OptionalDouble,
                    decimal Money,
                    decimal? OptionalMoney,
                    bool Flag,
                    bool? OptionalFlag,
                    DateOnly Day,
                    DateOnly? OptionalDay,
                    TimeOnly Time,
                    TimeOnly? OptionalTime,
                    DateTime When,
                    DateTime? OptionalWhen,
                    DateTimeOffset Instant,
                    DateTimeOffset? OptionalInstant,
                    Guid Key,
                    Guid? OptionalKey,
                    [FieldName("level_code")] Level Level,
                    Level? OptionalLevel,
                    string[] Words,
                    string[]? OptionalWords,
                    List<int> Counts,
                    List<long>? OptionalCounts,
                    IReadOnlyList<decimal> Amounts,
                    IReadOnlyList<Guid>? OptionalKeys,
                    DateOnly[] Days,
                    List<DateTimeOffset> Instants,
                    System.Text.Json.JsonElement Document,
                    System.Text.Json.JsonElement? OptionalDocument)
                {
                    public string? Note { get; init; }

                #nullable disable
                    public string Legacy { get; set; }
                #nullable restore
                }
                """);
    }

    [Fact]
    public void Every_constraint_on_a_record_struct()
    {
        AssertGenerates(
            "Samples.Constraints.Customer.EtlRecord.g.cs",
            """
                using AiEtl;

                namespace Samples.Constraints;

                public enum Tier
                {
                    Free,
                    Paid,
                    Gold,
                }

                [EtlRecord("customers", Version = "2")]
                public partial record struct Customer(
                    [property: PrimaryKey] int Id,
                    [property: Pattern(@"^[^@\s]+@[^@\s]+$"), Sensitive(SensitiveKind.Email), FieldDescription("Where we write to")] string Email,
                    [property: Sensitive(SensitiveKind.Phone)] string? Phone,
                    [property: ValueRange(0, 150), FieldDescription("Age in whole years")] int? Age,
                    [property: ValueRange("2000-01-01", "2099-12-31")] DateOnly SignupDate,
                    [property: ValueRange("2000-01-01T00:00:00Z", "2100-01-01T12:30:00.5+02:00")] DateTime LastLogin,
                    [property: ValueRange("0.00", "1000000")] decimal Balance,
                    [property: Pattern("^[A-Z]{2}$"), OneOf("GB", "IE", "PT")] string Country,
                    [property: OneOf(Tier.Free, Tier.Paid)] Tier Tier,
                    [property: ValueRange(-0.5, 0.5)] double? Score,
                    [property: ValueRange(-5, 5)] short Offset,
                    [property: OneOf("0f8fad5b-d9cb-469f-a165-70867728950e", "00000000-0000-0000-0000-000000000001")] Guid? Region,
                    [property: ValueRange("08:00", "17:30")] TimeOnly Opening,
                    [property: JsonField, Sensitive] string Tags,
                    List<string> Labels);
                """);
    }

    [Fact]
    public void Constraints_on_a_class_in_a_nested_type()
    {
        AssertGenerates(
            "Shop.Outer.Inner.Product.EtlRecord.g.cs",
            """
                using AiEtl;

                namespace Shop;

                public partial class Outer
                {
                    public partial record Inner
                    {
                        [EtlRecord]
                        public partial class Product
                        {
                            [PrimaryKey]
                            [Pattern("^SKU-[0-9]+$")]
                            public string Sku { get; set; } = "";

                            [ValueRange(1, 1000)]
                            [OneOf(1, 10, 100, 1000)]
                            public long PackSize { get; set; }

                            [ValueRange(0.01, 10000)]
                            public decimal? Price { get; init; }

                            [OneOf("2025-01-01T00:00:00Z")]
                            public DateTimeOffset Launch { get; set; }

                            public IReadOnlyList<string>? Aliases { get; set; }
                        }
                    }
                }
                """);
    }

    [Fact]
    public void Record_inside_a_generic_type()
    {
        AssertGenerates(
            "Samples.Generic.Envelope`1.Item.EtlRecord.g.cs",
            """
                using AiEtl;

                namespace Samples.Generic;

                public partial class Envelope<TPayload>
                {
                    [EtlRecord("items")]
                    public partial record struct Item(
                        [property: PrimaryKey] Guid Id,
                        [property: ValueRange(1, 99)] int Quantity,
                        IReadOnlyList<string> Labels);
                }
                """);
    }

    [Fact]
    public void Global_namespace_generic_read_only_struct()
    {
        AssertGenerates(
            "Envelope`1.EtlRecord.g.cs",
            """
                using AiEtl;

                [EtlRecord("line\r\nbreak \"quoted\"\t<&>\u2028")]
                public readonly partial record struct Envelope<TTag>(string @class, int? Record, int? Writer)
                {
                    public string? Extra { get; init; }
                }
                """);
    }

    /// <summary>
    /// Generated code reads and writes <c>[Obsolete]</c> properties and enums like any other; its header keeps their
    /// CS0612 and CS0618 warnings out of a build that treats warnings as errors.
    /// </summary>
    [Fact]
    public void Obsolete_property_and_enum()
    {
        AssertGenerates(
            "Samples.Legacy.Account.EtlRecord.g.cs",
            """
                using AiEtl;

                namespace Samples.Legacy;

                [Obsolete("Use Plan instead.", error: false)]
                public enum Grade
                {
                    Basic,
                    Premium,
                }

                [EtlRecord("accounts")]
                public partial class Account
                {
                    [PrimaryKey]
                    public int Id { get; set; }

                    [Obsolete]
                    public string? LegacyCode { get; set; }

                    [Obsolete("Use Plan instead.")]
                    public Grade Grade { get; set; }
                }
                """);
    }

    /// <summary>Runs the generator on <paramref name="source"/>, checks that the output compiles cleanly and matches the snapshot.</summary>
    private static void AssertGenerates(string hintName, string source)
    {
        var run = GeneratorHarness.Run(source);

        run.AssertCompilesCleanly();
        Snapshot.Match(run.SingleSource(hintName));
    }
}
