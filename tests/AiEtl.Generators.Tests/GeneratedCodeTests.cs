using AiEtl.Generators.Tests.Infrastructure;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The generated code, compared with committed snapshots; each input must also compile, with what was
/// generated, without a warning or an error.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void QuickStartCustomer()
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
    public void NestedClassWithObjectInitializer()
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
    public void EverySupportedType()
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
                    Level? OptionalLevel)
                {
                    public string? Note { get; init; }

                #nullable disable
                    public string Legacy { get; set; }
                #nullable restore
                }
                """);
    }

    [Fact]
    public void GlobalNamespaceGenericReadOnlyStruct()
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

    /// <summary>Runs the generator on <paramref name="source"/>, checks that the output compiles cleanly and matches the snapshot.</summary>
    private static void AssertGenerates(string hintName, string source)
    {
        var run = GeneratorHarness.Run(source);

        run.AssertCompilesCleanly();
        Snapshot.Match(run.SingleSource(hintName));
    }
}
