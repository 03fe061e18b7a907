using AiEtl.Generators.Tests.Infrastructure;
using AiEtl.Generators.Tests.Records;
using AiEtl.Internal;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The generated <c>Validate</c> at run time: each rule reports its field and rule, every violation of a row is
/// reported at once, sensitive values never appear in clear, and <see cref="Validator{T}"/> sends invalid rows to
/// the error sink with all their violations.
/// </summary>
public sealed class ValidationTests
{
    private static readonly Account Valid = new(
        Id: 1,
        Email: "ada.lovelace@example.com",
        Phone: "+44 20 7946 0958",
        Age: 36,
        Balance: 12.50m,
        Opened: new DateOnly(2024, 2, 29),
        Country: "GB",
        Status: OrderStatus.Pending,
        Score: 0.5,
        Name: "Ada",
        Tags: ["vip"]);

    [Fact]
    public void A_valid_record_has_no_violations()
    {
        Assert.Empty(RecordValidation.Validate(Valid));
        Assert.True(RecordValidation.IsValid(Valid));
        Assert.True(RecordValidation.IsValid(Valid with { Phone = null, Age = null }));
    }

    [Fact]
    public void The_schema_carries_the_constraints()
    {
        var schema = Account.Schema;

        Assert.Equal(0, schema.GetField("age")!.MinValue);
        Assert.Equal(150, schema.GetField("age")!.MaxValue);
        Assert.Equal("Age in whole years", schema.GetField("age")!.Description);
        Assert.Equal(0.00m, schema.GetField("balance")!.MinValue);
        Assert.Equal(new DateOnly(2099, 12, 31), schema.GetField("opened")!.MaxValue);
        Assert.Equal(["GB", "IE", "PT"], schema.GetField("country")!.AllowedValues!);
        Assert.Equal([OrderStatus.Pending], schema.GetField("status")!.AllowedValues!);
        Assert.Equal(@"^[^@\s]+@[^@\s]+\.[a-z]+$", schema.GetField("email")!.Pattern);
        Assert.Equal(SensitiveKind.Email, schema.GetField("email")!.Sensitive);
        Assert.Equal(SensitiveKind.Phone, schema.GetField("phone")!.Sensitive);
        Assert.Equal(SensitiveKind.None, schema.GetField("name")!.Sensitive);
        Assert.Equal(FieldType.Array, schema.GetField("tags")!.Type);
        Assert.Equal(FieldType.String, schema.GetField("tags")!.ElementType);
    }

    [Theory]
    [InlineData("age", ValidationRule.Range, "151", "between 0 and 150")]
    [InlineData("balance", ValidationRule.Range, "-0.01", "between 0.00 and 1000000")]
    [InlineData("opened", ValidationRule.Range, "1999-12-31", "between 2000-01-01 and 2099-12-31")]
    [InlineData("country", ValidationRule.AllowedValues, "FR", "one of GB, IE, PT")]
    [InlineData("status", ValidationRule.AllowedValues, "Shipped", "one of Pending")]
    [InlineData("score", ValidationRule.Range, "NaN", "between -1 and 1")]
    [InlineData("name", ValidationRule.Required, null, "a value (the field is not nullable)")]
    [InlineData("tags", ValidationRule.Required, null, "a value (the field is not nullable)")]
    public void Each_rule_reports_its_field_rule_and_value(string field, ValidationRule rule, string? value, string expected)
    {
        var invalid = field switch
        {
            "age" => Valid with { Age = 151 },
            "balance" => Valid with { Balance = -0.01m },
            "opened" => Valid with { Opened = new DateOnly(1999, 12, 31) },
            "country" => Valid with { Country = "FR" },
            "status" => Valid with { Status = OrderStatus.Shipped },
            "score" => Valid with { Score = double.NaN },
            "name" => Valid with { Name = null! },
            "tags" => Valid with { Tags = null! },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var violation = Assert.Single(RecordValidation.Validate(invalid));

        Assert.Equal(new Violation(Account.Schema.IndexOf(field), field, rule, value, expected), violation);
        Assert.False(RecordValidation.IsValid(invalid));
    }

    [Fact]
    public void Every_violation_of_a_row_is_reported_at_once_in_field_order()
    {
        var invalid = Valid with { Email = "not an email", Age = -1, Country = "gb", Score = 2, Name = null! };

        var violations = RecordValidation.Validate(invalid);

        Assert.Equal(
            [("email", ValidationRule.Pattern), ("age", ValidationRule.Range), ("country", ValidationRule.AllowedValues), ("score", ValidationRule.Range), ("name", ValidationRule.Required)],
            violations.Select(violation => (violation.Field, violation.Rule)));
        Assert.Equal("age: '-1' is not between 0 and 150", violations[1].Message);
    }

    [Theory]
    [InlineData("zelda.secret-name@example.com plus", "z***@example.com plus")]
    [InlineData("no-at-sign-secret", "***")]
    public void Sensitive_values_are_masked(string email, string shown)
    {
        var invalid = Valid with { Email = email, Phone = "call 0123 456 789 now" };

        var violations = RecordValidation.Validate(invalid);

        Assert.Equal([shown, "***89"], violations.Select(violation => violation.Value));
        var exception = new ValidationException(Account.Schema.Name, violations);
        Assert.DoesNotContain(email, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123 456 789", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SensitiveKind.Ssn, "123-45-6789", "***6789")]
    [InlineData(SensitiveKind.CreditCard, "4111 1111 1111 1234", "***1234")]
    [InlineData(SensitiveKind.CreditCard, "1234", "***")]
    [InlineData(SensitiveKind.Phone, "12", "***")]
    [InlineData(SensitiveKind.Other, "anything", "***")]
    public void Mask_shows_only_what_identifies_no_one(SensitiveKind kind, string value, string shown)
    {
        Assert.Equal(shown, ViolationValues.Mask(value, kind));
    }

    [Fact]
    public void A_default_json_element_is_a_missing_value()
    {
        var valid = new AllTypes(
            1, "", null, "{}", null, 0, null, 0, null, 0, null, 0, null, 0, null, 0, null, false, null, default, null, default, null, default, null, default, null,
            Guid.Empty, null, OrderStatus.Pending, null, [], null, [], null, [], [], null, [], null, [], System.Text.Json.JsonElement.Parse("null"), null);

        Assert.Empty(RecordValidation.Validate(valid));
        var violation = Assert.Single(RecordValidation.Validate(valid with { Document = default }));
        Assert.Equal(("document", ValidationRule.Required), (violation.Field, violation.Rule));
    }

    [Fact]
    public void Long_values_are_shortened()
    {
        var shown = ViolationValues.Format(new string('x', 200));

        Assert.Equal(ViolationValues.MaxLength + 1, shown.Length);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_keeps_valid_rows_and_reports_each_invalid_row_with_all_its_violations()
    {
        var validator = new Validator<Account>();
        var batch = new SourceBatch<Account>(4);
        batch.Add(Valid);
        batch.Add(Valid with { Id = 2, Age = 200, Country = "XX" });
        batch.Add(Valid with { Id = 3 });
        batch.Add(Valid with { Id = 4, Email = "bad secret" });
        var errors = new ListErrorSink();

        var kept = await validator.ApplyBatchAsync(batch, errors, TestContext.Current.CancellationToken);

        Assert.Equal(2, kept);
        Assert.Equal([1, 3], batch.Rows.ToArray().Select(row => row.Id));
        Assert.Equal(2, errors.Errors.Count);
        Assert.All(errors.Errors, error => Assert.Equal(PipelineStage.Transform, error.Stage));
        Assert.Equal(["2", "4"], errors.Errors.Select(error => error.RecordId));
        Assert.Equal(
            "validator: accounts row has 2 violations: age: '200' is not between 0 and 150; country: 'XX' is not one of GB, IE, PT",
            errors.Errors[0].Message);
        var violations = Assert.IsType<ValidationException>(errors.Errors[1].Exception).Violations;
        Assert.Equal(ValidationRule.Pattern, Assert.Single(violations).Rule);
        Assert.DoesNotContain("secret", errors.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal((4, 2), (validator.Stats.RecordsProcessed, validator.Stats.Errors));
    }

    [Fact]
    public void Validator_apply_throws_with_every_violation()
    {
        var validator = new Validator<Account>();
        var row = Valid with { Age = 200, Country = "XX" };

        var error = Assert.Throws<ValidationException>(() => validator.Apply(ref row));

        Assert.Equal(2, error.Violations.Count);
        var valid = Valid;
        Assert.True(validator.Apply(ref valid));
    }
}
