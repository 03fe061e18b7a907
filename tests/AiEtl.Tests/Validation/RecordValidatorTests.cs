using System.Text.Json;
using AiEtl.Csv;
using RecordList = AiEtl.ListDestination<AiEtl.Record>;

namespace AiEtl.Tests.Validation;

/// <summary>
/// <see cref="RecordValidator"/>: dynamic records checked against a run-time schema's constraints, each rule with its
/// field and rule, every violation at once, sensitive values masked, and invalid rows in the dead-letter file.
/// </summary>
public sealed class RecordValidatorTests : IDisposable
{
    private static readonly Schema Accounts = new(
        "accounts",
        [
            new Field("id", FieldType.Integer) { IsNullable = false },
            new Field("email", FieldType.String) { IsNullable = false, Pattern = @"^[^@\s]+@[^@\s]+\.[a-z]+$", Sensitive = SensitiveKind.Email },
            new Field("phone", FieldType.String) { Pattern = @"^\+?[0-9 ]+$", Sensitive = SensitiveKind.Phone },
            new Field("age", FieldType.Integer) { MinValue = 0, MaxValue = 150 },
            new Field("balance", FieldType.Decimal) { MinValue = 0.00m, MaxValue = 1000000m },
            new Field("opened", FieldType.Date) { MinValue = new DateOnly(2000, 1, 1), MaxValue = new DateOnly(2099, 12, 31) },
            new Field("country", FieldType.String) { IsNullable = false, Pattern = "^[A-Z]{2}$", AllowedValues = ["GB", "IE", "PT"] },
            new Field("score", FieldType.Float) { MinValue = -1.0, MaxValue = 1.0 },
            new Field("salary", FieldType.Integer) { MinValue = 0L, Sensitive = SensitiveKind.Other },
            new Field("tier", FieldType.Integer) { AllowedValues = [1, 2L, "3"] },
        ])
    {
        PrimaryKey = ["id"],
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-recordvalidator-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_valid_record_passes_unchanged()
    {
        var validator = new RecordValidator(Accounts);
        var record = Valid();
        var same = record;

        Assert.Empty(validator.Validate(record));
        Assert.True(validator.Apply(ref record));
        Assert.Same(same, record);
        Assert.Empty(validator.Validate(Valid(("phone", null), ("age", null), ("score", null), ("salary", null), ("tier", null))));
    }

    [Theory]
    [InlineData("id", null, ValidationRule.Required, null, "a value (the field is not nullable)")]
    [InlineData("age", 151L, ValidationRule.Range, "151", "between 0 and 150")]
    [InlineData("balance", -0.01, ValidationRule.Range, "-0.01", "between 0.00 and 1000000")]
    [InlineData("opened", "1999-12-31", ValidationRule.Range, "1999-12-31", "between 2000-01-01 and 2099-12-31")]
    [InlineData("phone", "call me", ValidationRule.Pattern, "***", @"a match for ^\+?[0-9 ]+$")]
    [InlineData("country", "FR", ValidationRule.AllowedValues, "FR", "one of GB, IE, PT")]
    [InlineData("score", double.NaN, ValidationRule.Range, "NaN", "between -1 and 1")]
    [InlineData("tier", 4L, ValidationRule.AllowedValues, "4", "one of 1, 2, 3")]
    [InlineData("age", "old", ValidationRule.Type, "old", "an integer")]
    [InlineData("opened", "31/12/2024", ValidationRule.Type, "31/12/2024", "a date")]
    public void Each_rule_reports_its_field_rule_value_and_expectation(string field, object? value, ValidationRule rule, string? shown, string expected)
    {
        var violation = Assert.Single(new RecordValidator(Accounts).Validate(Valid((field, value))));

        Assert.Equal(new Violation(Accounts.IndexOf(field), field, rule, shown, expected), violation);
    }

    [Fact]
    public void Allowed_values_and_pattern_both_fire_on_one_field_and_every_violation_comes_at_once_in_field_order()
    {
        var violations = new RecordValidator(Accounts).Validate(Valid(("email", null), ("age", -1), ("country", "fr"), ("score", 2.0), ("tier", 9)));

        Assert.Equal(
            [
                ("email", ValidationRule.Required), ("age", ValidationRule.Range), ("country", ValidationRule.Pattern),
                ("country", ValidationRule.AllowedValues), ("score", ValidationRule.Range), ("tier", ValidationRule.AllowedValues),
            ],
            violations.Select(violation => (violation.Field, violation.Rule)));
        Assert.Equal("age: '-1' is not between 0 and 150", violations[1].Message);
    }

    [Fact]
    public void Values_of_other_CLR_types_are_compared_as_their_field_type()
    {
        var validator = new RecordValidator(Accounts);

        Assert.Empty(validator.Validate(Valid(("id", 7), ("age", (short)30), ("balance", 5), ("opened", new DateTime(2024, 1, 1)), ("score", 0.5f), ("tier", "2"))));
        Assert.Equal(ValidationRule.Range, Assert.Single(validator.Validate(Valid(("balance", "1000000.01")))).Rule);
    }

    [Fact]
    public void Sensitive_values_never_appear_in_clear()
    {
        var validator = new RecordValidator(Accounts);
        var record = Valid(("email", "zelda.secret@example"), ("phone", "call 0123 456 789"), ("salary", -123456L));

        var violations = validator.Validate(record);

        Assert.Equal(["z***@example", "***89", "***"], violations.Select(violation => violation.Value));
        Assert.Equal(
            [("email", ValidationRule.Pattern), ("phone", ValidationRule.Pattern), ("salary", ValidationRule.Range)],
            violations.Select(violation => (violation.Field, violation.Rule)));
        var message = new ValidationException(Accounts.Name, violations).Message;
        foreach (var secret in new[] { "secret", "0123 456 789", "123456" })
        {
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_batch_keeps_valid_records_and_reports_each_invalid_one_with_its_id_and_masked_raw_record()
    {
        var validator = new RecordValidator(Accounts);
        var batch = new SourceBatch<Record>(3);
        batch.Add(Valid(("id", 1L)));
        batch.Add(Valid(("id", 2L), ("age", 200L), ("email", "secret-mail"), ("salary", -5L)));
        batch.Add(Valid(("id", 3L)));
        var errors = new ErrorList();

        var kept = await validator.ApplyBatchAsync(batch, errors, TestContext.Current.CancellationToken);

        Assert.Equal(2, kept);
        Assert.Equal([1L, 3L], batch.Rows.ToArray().Select(row => row["id"]));
        var error = Assert.Single(errors.Errors);
        Assert.Equal((PipelineStage.Transform, "2"), (error.Stage, error.RecordId));
        Assert.Equal("validator: accounts row has 3 violations: email: '***' is not a match for ^[^@\\s]+@[^@\\s]+\\.[a-z]+$; age: '200' is not between 0 and 150; salary: '***' is not at least 0", error.Message);
        Assert.Equal(3, Assert.IsType<ValidationException>(error.Exception).Violations.Count);
        using var raw = JsonDocument.Parse(error.RawInput!);
        Assert.Equal(200, raw.RootElement.GetProperty("age").GetInt64());
        Assert.Equal("***", raw.RootElement.GetProperty("email").GetString());
        Assert.Equal("***", raw.RootElement.GetProperty("salary").GetString());
        Assert.DoesNotContain("secret", error.RawInput, StringComparison.Ordinal);
        Assert.Equal((3, 1), (validator.Stats.RecordsProcessed, validator.Stats.Errors));
    }

    [Fact]
    public void Apply_throws_with_every_violation()
    {
        var record = Valid(("age", 200L), ("country", "XX"));

        var error = Assert.Throws<ValidationException>(() => new RecordValidator(Accounts).Apply(ref record));

        Assert.Equal([ValidationRule.Range, ValidationRule.AllowedValues], error.Violations.Select(violation => violation.Rule));
    }

    [Fact]
    public void Without_a_schema_each_record_is_checked_against_its_own()
    {
        var validator = new RecordValidator();
        var other = new Schema("other", [new Field("n", FieldType.Integer) { MaxValue = 1 }]);

        Assert.Equal(ValidationRule.Range, Assert.Single(validator.Validate(Valid(("age", 151L)))).Rule);
        Assert.Equal("n", Assert.Single(validator.Validate(new Record(new() { ["n"] = 2L }, new RecordMetadata("test", "x"), other))).Field);
        var orphan = new Record(new(), new RecordMetadata("test", "x"));
        Assert.Throws<TransformException>(() => validator.Apply(ref orphan));
    }

    [Theory]
    [InlineData("pattern", "accounts.name: its pattern '[a-' is not a valid regular expression")]
    [InlineData("range", "accounts.name: its minimum 5 is greater than its maximum 1")]
    [InlineData("allowed", "accounts.name: its allowed value x is not an integer")]
    [InlineData("bound", "accounts.name: its maximum soon is not a date")]
    public void Invalid_constraints_are_configuration_errors(string which, string message)
    {
        var field = which switch
        {
            "pattern" => new Field("name", FieldType.String) { Pattern = "[a-" },
            "range" => new Field("name", FieldType.Integer) { MinValue = 5, MaxValue = 1 },
            "allowed" => new Field("name", FieldType.Integer) { AllowedValues = [1, "x"] },
            _ => new Field("name", FieldType.Date) { MaxValue = "soon" },
        };

        var error = Assert.Throws<PipelineConfigurationException>(() => new RecordValidator(new Schema("accounts", [field])));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_takes_too_long_is_a_violation_not_a_hang()
    {
        var schema = new Schema("slow", [new Field("text", FieldType.String) { Pattern = "^(a+)+$" }]);
        var validator = new RecordValidator(schema, TimeSpan.FromMilliseconds(10));

        var violation = Assert.Single(validator.Validate(new Record(new() { ["text"] = new string('a', 40) + "!" }, new RecordMetadata("test", "x"), schema)));

        Assert.Equal(ValidationRule.Pattern, violation.Rule);
        Assert.EndsWith("(the match took longer than 0.01 s)", violation.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_pipeline_valid_CSV_records_load_and_invalid_ones_go_to_the_dead_letter_file()
    {
        var path = Path.Combine(_directory, "accounts.csv");
        await File.WriteAllTextAsync(
            path,
            "id,email,age,country\n"
            + "1,ada@example.com,36,GB\n"
            + "2,bob-at-example,200,GB\n"
            + "3,cy@example.org,,PT\n"
            + "4,dee@example.com,40,FR\n",
            TestContext.Current.CancellationToken);
        var schema = new Schema(
            "accounts",
            [
                new Field("id", FieldType.Integer) { IsNullable = false },
                new Field("email", FieldType.String) { IsNullable = false, Pattern = @"^[^@\s]+@[^@\s]+\.[a-z]+$", Sensitive = SensitiveKind.Email },
                new Field("age", FieldType.Integer) { MinValue = 0L, MaxValue = 150L },
                new Field("country", FieldType.String) { AllowedValues = ["GB", "IE", "PT"] },
            ])
        {
            PrimaryKey = ["id"],
        };
        var source = new CsvSource<Record, RecordCodec>(new CsvSourceOptions(path), new RecordCodec(schema, new RecordMetadata("csv", path)));
        var destination = new RecordList();
        var deadLetters = Path.Combine(_directory, "dlq.jsonl");

        var result = await EtlPipeline.Create<Record>("validate-accounts")
            .From(source)
            .Transform(new RecordValidator())
            .To(destination)
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnTransformError = ErrorAction.Skip, DeadLetterPath = deadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal([1L, 3L], destination.Rows.Select(row => row["id"]));
        Assert.Equal((4, 2, 2), (result.RecordsExtracted, result.RecordsLoaded, result.RecordsFailed));
        var dead = File.ReadAllLines(deadLetters).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["2", "4"], dead.Select(entry => entry.GetProperty("record_id").GetString()));
        Assert.All(dead, entry => Assert.Equal(("transform", nameof(ValidationException)), (entry.GetProperty("stage").GetString(), entry.GetProperty("error_type").GetString())));
        Assert.EndsWith(
            "accounts.csv(3) row 2: validator: accounts row has 2 violations: email: '***' is not a match for ^[^@\\s]+@[^@\\s]+\\.[a-z]+$; age: '200' is not between 0 and 150",
            dead[0].GetProperty("message").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(3, dead[0].GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal("""{"id":4,"email":"d***@example.com","age":40,"country":"FR"}""", dead[1].GetProperty("raw").GetString());
        Assert.DoesNotContain("bob-at-example", File.ReadAllText(deadLetters), StringComparison.Ordinal);
    }

    private static Record Valid(params (string Name, object? Value)[] changes)
    {
        var data = new Dictionary<string, object?>
        {
            ["id"] = 1L,
            ["email"] = "ada.lovelace@example.com",
            ["phone"] = "+44 20 7946 0958",
            ["age"] = 36L,
            ["balance"] = 12.50m,
            ["opened"] = new DateOnly(2024, 2, 29),
            ["country"] = "GB",
            ["score"] = 0.5,
            ["salary"] = 50000L,
            ["tier"] = 1L,
        };
        foreach (var (name, value) in changes)
        {
            data[name] = value;
        }

        return new Record(data, new RecordMetadata("test", "accounts"), Accounts);
    }

    /// <summary>Keeps reported errors.</summary>
    private sealed class ErrorList : IRowErrorSink
    {
        public List<RowError> Errors { get; } = [];

        public ValueTask ReportAsync(RowError error, CancellationToken cancellationToken)
        {
            Errors.Add(error);
            return ValueTask.CompletedTask;
        }
    }
}
