using System.Globalization;
using AiEtl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators.Tests;

/// <summary>
/// Each diagnostic fires with its id at the exact span marked <c>[|...|]</c>, with its exact message, and stops
/// code generation; a valid declaration is silent.
/// </summary>
public sealed partial class DiagnosticTests
{
    [Fact]
    public void AIETL0001_RecordIsNotPartial()
    {
        AssertSingleDiagnostic(
            "AIETL0001",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public record struct [|Customer|](int Id);
            """,
            "'Sample.Customer' must be declared partial so that the generator can add the IEtlRecord implementation of 'Sample.Customer'");
    }

    [Fact]
    public void AIETL0001_ContainingTypeIsNotPartial()
    {
        AssertSingleDiagnostic(
            "AIETL0001",
            """
            using AiEtl;
            namespace Sample;
            public static class [|Outer|]
            {
                [EtlRecord]
                public partial record Inner(int Id);
            }
            """,
            "'Sample.Outer' must be declared partial so that the generator can add the IEtlRecord implementation of 'Sample.Outer.Inner'");
    }

    [Fact]
    public void AIETL0002_UnsupportedPositionalParameterType()
    {
        AssertSingleDiagnostic(
            "AIETL0002",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [|uint?|] Visits);
            """,
            "Property 'Visits' has the type 'uint?', which an [EtlRecord] field cannot hold; use string, int, long, short, double, float, decimal, bool, DateOnly, TimeOnly, DateTime, DateTimeOffset, Guid, JsonElement or an enum, a nullable one of these, or an array, List<T> or IReadOnlyList<T> of one that is not an enum or nullable");
    }

    [Fact]
    public void AIETL0002_UnsupportedPropertyType()
    {
        AssertSingleDiagnostic(
            "AIETL0002",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial class Customer
            {
                public int Id { get; set; }

                public [|Dictionary<string, int>|] Tags { get; set; } = [];
            }
            """,
            "Property 'Tags' has the type 'System.Collections.Generic.Dictionary<string, int>', which an [EtlRecord] field cannot hold; use string, int, long, short, double, float, decimal, bool, DateOnly, TimeOnly, DateTime, DateTimeOffset, Guid, JsonElement or an enum, a nullable one of these, or an array, List<T> or IReadOnlyList<T> of one that is not an enum or nullable");
    }

    [Fact]
    public void AIETL0003_RecordHasNoFields()
    {
        AssertSingleDiagnostic(
            "AIETL0003",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial class [|Empty|]
            {
                public int Computed => 42;

                internal string Hidden { get; set; } = "";
            }
            """,
            "'Sample.Empty' has no fields: [EtlRecord] maps positional record parameters and public instance properties that have a getter and a setter or init accessor");
    }

    [Fact]
    public void AIETL0004_TwoPropertiesMapToOneFieldNameIgnoringCase()
    {
        AssertSingleDiagnostic(
            "AIETL0004",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, string Email)
            {
                [FieldName("EMAIL")]
                public string? [|Contact|] { get; init; }
            }
            """,
            "Property 'Contact' maps to the field name 'EMAIL', which property 'Email' already uses (field names are compared without regard to case)");
    }

    [Fact]
    public void AIETL0005_PrimaryKeyOnNullableProperty()
    {
        AssertSingleDiagnostic(
            "AIETL0005",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer([property: [|PrimaryKey|]] string? Code, string Name);
            """,
            "Property 'Code' is part of the primary key, so its type 'string?' must not be nullable");
    }

    [Fact]
    public void AIETL0005_PrimaryKeyOnNullableValueParameter()
    {
        AssertSingleDiagnostic(
            "AIETL0005",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record struct Customer([[|PrimaryKey|]] int? Id, string Name);
            """,
            "Property 'Id' is part of the primary key, so its type 'int?' must not be nullable");
    }

    [Fact]
    public void AIETL0006_AbstractClassCannotBeConstructed()
    {
        AssertSingleDiagnostic(
            "AIETL0006",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public abstract partial class [|Shape|]
            {
                public int Sides { get; set; }
            }
            """,
            "The generator cannot create 'Sample.Shape' in ReadFields: make it a positional record or give it a parameterless constructor, and do not make it abstract or static");
    }

    [Fact]
    public void AIETL0006_ClassWithoutParameterlessConstructor()
    {
        AssertSingleDiagnostic(
            "AIETL0006",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial class [|Customer|](int id)
            {
                public int Id { get; set; } = id;
            }
            """,
            "The generator cannot create 'Sample.Customer' in ReadFields: make it a positional record or give it a parameterless constructor, and do not make it abstract or static");
    }

    [Fact]
    public void AIETL0007_JsonFieldOnNonString()
    {
        AssertSingleDiagnostic(
            "AIETL0007",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [[|JsonField|]] int Payload);
            """,
            "Property 'Payload' has [JsonField] but its type is 'int'; a JSON field holds JSON text, so its property must be a string (or a JsonElement)");
    }

    [Fact]
    public void AIETL0008_InvalidRegularExpression()
    {
        AssertSingleDiagnostic(
            "AIETL0008",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [Pattern([|"^[a-z+$"|])] string Code);
            """,
            "The [Pattern] of property 'Code' is not a valid .NET regular expression: " + RegexError("^[a-z+$"));
    }

    [Fact]
    public void AIETL0009_RangeMinimumGreaterThanMaximum()
    {
        AssertSingleDiagnostic(
            "AIETL0009",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [[|ValueRange(150, 0)|]] int Age);
            """,
            "The [ValueRange] of property 'Age' allows no value: its minimum 150 is greater than its maximum 0");
    }

    [Fact]
    public void AIETL0009_DateRangeMinimumGreaterThanMaximum()
    {
        AssertSingleDiagnostic(
            "AIETL0009",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial class Customer
            {
                public int Id { get; set; }

                [[|ValueRange("2024-12-31", "2024-01-01")|]]
                public DateOnly? Signup { get; set; }
            }
            """,
            "The [ValueRange] of property 'Signup' allows no value: its minimum 2024-12-31 is greater than its maximum 2024-01-01");
    }

    [Fact]
    public void AIETL0010_RangeOnString()
    {
        AssertSingleDiagnostic(
            "AIETL0010",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [[|ValueRange(0, 10)|]] string Name);
            """,
            "[ValueRange] cannot apply to property 'Name' of type 'string': it applies to numbers (short, int, long, float, double, decimal), DateOnly, TimeOnly, DateTime and DateTimeOffset, and nullable ones of these");
    }

    [Fact]
    public void AIETL0010_SensitiveOnNonString()
    {
        AssertSingleDiagnostic(
            "AIETL0010",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Patient(int Id, [property: [|Sensitive(SensitiveKind.Ssn)|]] long Ssn);
            """,
            "[Sensitive] cannot apply to property 'Ssn' of type 'long': it applies to string and JSON text");
    }

    [Fact]
    public void AIETL0010_PatternOnNonString()
    {
        AssertSingleDiagnostic(
            "AIETL0010",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [[|Pattern("^[0-9]+$")|]] int? Code);
            """,
            "[Pattern] cannot apply to property 'Code' of type 'int?': it applies to string and string?");
    }

    [Fact]
    public void AIETL0010_OneOfOnList()
    {
        AssertSingleDiagnostic(
            "AIETL0010",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [[|OneOf("a", "b")|]] string[] Tags);
            """,
            "[OneOf] cannot apply to property 'Tags' of type 'string[]': it applies to single values (not lists or JSON text)");
    }

    [Fact]
    public void AIETL0011_AllowedValueOfAnotherType()
    {
        AssertSingleDiagnostic(
            "AIETL0011",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [OneOf("GB", [|3|])] string Country);
            """,
            "The value 3 in [OneOf] on property 'Country' cannot be converted to 'string'");
    }

    [Fact]
    public void AIETL0011_RangeBoundOutsideTheType()
    {
        AssertSingleDiagnostic(
            "AIETL0011",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [ValueRange(0, [|40000|])] short Visits);
            """,
            "The value 40000 in [ValueRange] on property 'Visits' cannot be converted to 'short'");
    }

    [Fact]
    public void AIETL0011_DateThatDoesNotParse()
    {
        AssertSingleDiagnostic(
            "AIETL0011",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [ValueRange([|"2024-13-01"|], "2025-01-01")] DateOnly Signup);
            """,
            "The value \"2024-13-01\" in [ValueRange] on property 'Signup' cannot be converted to 'System.DateOnly'");
    }

    [Fact]
    public void AIETL0011_EnumNameThatIsNotAMember()
    {
        AssertSingleDiagnostic(
            "AIETL0011",
            """
            using AiEtl;
            namespace Sample;
            public enum Tier { Free, Paid }
            [EtlRecord]
            public partial record Customer(int Id, [OneOf(Tier.Free, [|"Gold"|])] Tier Tier);
            """,
            "The value \"Gold\" in [OneOf] on property 'Tier' cannot be converted to 'Sample.Tier'");
    }

    [Fact]
    public void AIETL0012_PropertyNamedSchema()
    {
        AssertSingleDiagnostic(
            "AIETL0012",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Table(int Id, string [|Schema|]);
            """,
            "'Sample.Table' declares a member named 'Schema', which the generator adds to an [EtlRecord] type; rename it (use [FieldName] to keep the field name)");
    }

    [Fact]
    public void AIETL0012_MethodNamedValidate()
    {
        AssertSingleDiagnostic(
            "AIETL0012",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial class Customer
            {
                public int Id { get; set; }

                public bool [|Validate|]() => Id > 0;
            }
            """,
            "'Sample.Customer' declares a member named 'Validate', which the generator adds to an [EtlRecord] type; rename it (use [FieldName] to keep the field name)");
    }

    [Fact]
    public void AIETL0012_FieldNamedLikeAGeneratedPattern()
    {
        AssertSingleDiagnostic(
            "AIETL0012",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [Pattern("^.+@.+$")] string Email)
            {
                private static readonly string [|s_emailPattern|] = "";
            }
            """,
            "'Sample.Customer' declares a member named 's_emailPattern', which the generator adds to an [EtlRecord] type; rename it (use [FieldName] to keep the field name)");
    }

    [Fact]
    public void AIETL0013_EmptySchemaName()
    {
        AssertSingleDiagnostic(
            "AIETL0013",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord([|""|])]
            public partial record Customer(int Id);
            """,
            "The name given in [EtlRecord] is empty or white space; a schema name is a table name; remove the argument to use the type name");
    }

    [Fact]
    public void AIETL0013_BlankFieldName()
    {
        AssertSingleDiagnostic(
            "AIETL0013",
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, [property: FieldName([|" "|])] string Name);
            """,
            "The name given in [FieldName] is empty or white space; a field name is a CSV header, a JSON property and a column name; remove the attribute to use the property name in snake_case");
    }

    [Fact]
    public void Valid_constraints_are_silent()
    {
        var run = GeneratorHarness.Run(
            """
            using AiEtl;
            namespace Sample;

            public enum Tier { Free, Paid, Gold }

            [EtlRecord]
            public partial record Constrained(
                [ValueRange(0, 150)] int Age,
                [ValueRange(-5, 5)] short? Small,
                [ValueRange(0, 10_000_000_000)] long Big,
                [ValueRange(0.5, 2.5)] float Ratio,
                [ValueRange(-1e300, 1e300)] double? Huge,
                [ValueRange("0.01", "99999.99")] decimal Price,
                [ValueRange(0, 100)] decimal? Percent,
                [ValueRange("2000-01-01", "2099-12-31")] DateOnly Day,
                [ValueRange("08:00", "17:30:15.5")] TimeOnly Opening,
                [ValueRange("2000-01-01T00:00:00Z", "2100-01-01")] DateTime When,
                [ValueRange("2000-01-01T00:00:00+02:00", "2100-01-01T00:00:00.25Z")] DateTimeOffset? Instant,
                [Pattern(@"^[^@\s]+@[^@\s]+$"), Sensitive(SensitiveKind.Email), FieldDescription("Where we write to")] string Email,
                [Pattern("^[A-Z]{2}$"), OneOf("GB", "IE", "GB")] string? Country,
                [OneOf(1, 2, 3)] int Level,
                [OneOf(1.5, 2)] double Step,
                [OneOf(Tier.Free, "Paid")] Tier Tier,
                [OneOf(true)] bool Accepted,
                [OneOf("2024-01-01", "2024-12-31")] DateOnly? Holiday,
                [OneOf("0f8fad5b-d9cb-469f-a165-70867728950e")] Guid Key,
                [property: Sensitive] [JsonField] string Payload,
                [property: Sensitive(SensitiveKind.None)] string? Nothing,
                [property: JsonField, Sensitive] System.Text.Json.JsonElement Document,
                System.Text.Json.JsonElement? OptionalDocument,
                int[] Numbers,
                List<string>? Names,
                IReadOnlyList<DateOnly> Days);
            """);

        run.AssertCompilesCleanly();
        Assert.Single(run.Result.GeneratedSources);
    }

    [Fact]
    public void AIETL0099_ParserFailureIsReportedAtTheTypeName()
    {
        var markup = SourceMarkup.Parse("""
            namespace Sample;
            public partial record [|Customer|](int Id);
            """);
        var declaration = GeneratorHarness.Parse(markup.Source, "Input0.cs")
            .GetRoot(TestContext.Current.CancellationToken)
            .DescendantNodes()
            .OfType<TypeDeclarationSyntax>()
            .Single();

        var result = Parser.Guard(declaration, () => throw new InvalidOperationException("boom\nsecond line"));

        Assert.Null(result.Value);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        AssertDiagnostic(
            diagnostic,
            "AIETL0099",
            markup.Span,
            "The AiEtl generator failed on 'Customer' and generated no code for it: System.InvalidOperationException: boom second line");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void AIETL0099_EmitterFailureIsReportedForTheType()
    {
        var spec = new EtlRecordSpec(
            Namespace: "Sample",
            ContainingTypes: EquatableArray<ContainingTypeSpec>.Empty,
            Keyword: "record",
            Name: "Customer",
            FullyQualifiedName: "global::Sample.Customer",
            HintName: "Sample.Customer.EtlRecord.g.cs",
            SchemaName: "Customer",
            Version: "1.0",
            Fields: new EquatableArray<FieldSpec>([new FieldSpec("Id", "id", (FieldValueKind)999, null, false, false, false, null)]));

        var failure = EtlRecordGenerator.EmitSafely(spec, out var source);

        Assert.NotNull(failure);
        Assert.Equal("AIETL0099", failure.Id);
        Assert.Equal(Location.None, failure.Location);
        Assert.StartsWith("The AiEtl generator failed on 'global::Sample.Customer' and generated no code for it: System.ArgumentOutOfRangeException:", failure.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(source);
    }

    [Fact]
    public void Valid_declarations_are_silent()
    {
        var run = GeneratorHarness.Run(
            """
            using AiEtl;
            namespace Sample;

            public enum Tier
            {
                Free,
                Paid,
            }

            [EtlRecord("customers", Version = "3")]
            public partial record struct Customer([PrimaryKey] int Id, [property: PrimaryKey] string Region, Tier Tier, int? Age)
            {
                [FieldName("notes_text")]
                public string? Notes { get; set; }
            }
            """,
            """
            using AiEtl;
            namespace Sample.Other;

            public partial class Outer
            {
                [EtlRecord]
                public partial class Row
                {
                    [PrimaryKey]
                    public Guid Key { get; init; }

                    public string Name { get; set; } = "";
                }
            }
            """);

        run.AssertCompilesCleanly();
        Assert.Equal(2, run.Result.GeneratedSources.Length);
    }

    [Theory]
    [InlineData("[ValueRange(null, null)] string? Text", "AIETL0010")]
    [InlineData("[ValueRange((string)null!, \"1\")] decimal Amount", "AIETL0011")]
    [InlineData("[ValueRange(double.NaN, 1.0)] double Ratio", "AIETL0011")]
    [InlineData("[ValueRange(0, long.MaxValue)] float Ratio", "")]
    [InlineData("[ValueRange(1e300, 1e301)] float Ratio", "AIETL0011")]
    [InlineData("[ValueRange(\"\", \"\")] DateTimeOffset When", "AIETL0011")]
    [InlineData("[Pattern(null!)] string Text", "AIETL0008")]
    [InlineData("[Pattern(\"\")] string Text", "")]
    [InlineData("[OneOf(null!)] string? Text", "AIETL0011")]
    [InlineData("[OneOf()] int Number", "")]
    [InlineData("[OneOf(new object[] { 1, \"a\" })] int Number", "AIETL0011")]
    [InlineData("[OneOf(typeof(int))] int Number", "AIETL0011")]
    [InlineData("[OneOf('a')] int Number", "")]
    [InlineData("[OneOf(ulong.MaxValue)] long Number", "AIETL0011")]
    [InlineData("[OneOf(Sample.Other.B)] Sample.Tier Tier", "AIETL0011")]
    [InlineData("[OneOf(7)] Sample.Tier Tier", "AIETL0011")]
    [InlineData("[OneOf(\"not-a-guid\")] Guid Key", "AIETL0011")]
    [InlineData("[Sensitive((SensitiveKind)42)] string Text", "")]
    [InlineData("[FieldDescription(null!)] string Text", "")]
    [InlineData("[FieldName(null!)] string Text", "")]
    [InlineData("[ValueRange(1, 2), ValueRange(3, 4)] int Number", "")]
    public void Odd_attribute_arguments_never_make_the_generator_throw(string parameter, string expectedId)
    {
        var run = GeneratorHarness.Run($$"""
            using AiEtl;
            namespace Sample;
            public enum Tier { Free, Paid }
            public enum Other { A, B }
            [EtlRecord]
            public partial record Row(int Id, {{parameter}});
            """);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.Diagnostics, diagnostic => diagnostic.Id == "AIETL0099");
        Assert.Equal(expectedId.Length == 0 ? [] : [expectedId], run.Diagnostics.Select(diagnostic => diagnostic.Id).Distinct());
        Assert.Equal(expectedId.Length == 0 ? 1 : 0, run.Result.GeneratedSources.Length);
    }

    [Fact]
    public void Unknown_property_type_leaves_the_error_to_the_compiler()
    {
        var run = GeneratorHarness.Run("""
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id, Missing Thing);
            """);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Contains(run.OutputCompilation.GetDiagnostics(TestContext.Current.CancellationToken), diagnostic => diagnostic.Id == "CS0246");
    }

    [Fact]
    public void Attribute_on_two_parts_generates_once()
    {
        var run = GeneratorHarness.Run(
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer(int Id);
            """,
            """
            using AiEtl;
            namespace Sample;
            [EtlRecord]
            public partial record Customer;
            """);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Single(run.Result.GeneratedSources);
        Assert.Contains(run.OutputCompilation.GetDiagnostics(TestContext.Current.CancellationToken), diagnostic => diagnostic.Id == "CS0579");
    }

    /// <summary>What the .NET regular-expression parser says about <paramref name="pattern"/>.</summary>
    private static string RegexError(string pattern)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant));
        return error.Message;
    }

    private static void AssertSingleDiagnostic(string id, string markup, string message)
    {
        var parsed = SourceMarkup.Parse(markup);
        var run = GeneratorHarness.Run(parsed.Source);

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.Diagnostics);
        AssertDiagnostic(diagnostic, id, parsed.Span, message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.Result.GeneratedSources);
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, LinePositionSpan span, string message)
    {
        Assert.Equal(id, diagnostic.Id);
        var location = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.InputPath(0), location.Path);
        Assert.Equal(span, location.Span);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal($"https://github.com/aietl/aietl-typed/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
    }
}
