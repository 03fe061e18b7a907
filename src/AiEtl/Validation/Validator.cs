using System.Globalization;

namespace AiEtl;

/// <summary>
/// A transform that checks each row against the constraints declared on its <c>[EtlRecord]</c> type (not null,
/// <c>[ValueRange]</c>, <c>[Pattern]</c>, <c>[OneOf]</c>) with the generated <c>Validate</c> method. A valid row
/// passes unchanged; an invalid one goes to the pipeline's error policy (the dead-letter file, or the end of the
/// run) with every violation of the row in one error, sensitive values masked.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class Validator<T> : Transform<T>
    where T : IValidatedRecord<T>
{
    // One list a thread, so the validator can check several batches at once.
    [ThreadStatic]
    private static ViolationList? t_violations;

    /// <inheritdoc />
    public override string Name => "validator";

    /// <inheritdoc />
    public override bool IsConcurrencySafe => true;

    /// <inheritdoc />
    /// <exception cref="ValidationException">The row breaks a constraint; the exception lists every violation.</exception>
    public override bool Apply(ref T row)
    {
        var violations = t_violations ??= new ViolationList();
        violations.Clear();
        T.Validate(in row, ref violations);
        return violations.Count == 0 ? true : throw new ValidationException(T.Schema.Name, [.. violations.Items]);
    }

    /// <summary>Validates one row without throwing, so a file with many bad rows costs no exception per row.</summary>
    protected override RowError? TryApply(ref T row, out bool keep)
    {
        var violations = t_violations ??= new ViolationList();
        violations.Clear();
        T.Validate(in row, ref violations);
        keep = violations.Count == 0;
        if (keep)
        {
            return null;
        }

        var error = new ValidationException(T.Schema.Name, [.. violations.Items]);
        return new RowError(PipelineStage.Transform, $"{Name}: {error.Message}")
        {
            RecordId = RecordId(row),
            Exception = error,
        };
    }

    // The primary key's values, when the schema has one, so that the error names the row.
    private static string? RecordId(in T row)
    {
        var schema = T.Schema;
        if (schema.PrimaryKey is not { Count: > 0 } key)
        {
            return null;
        }

        var record = RecordConversion.ToRecord(in row, new RecordMetadata("validator", schema.Name));
        return string.Join(
            ",",
            key.Select(name => schema.GetField(name) is { } keyField && FieldMasks.Applies(keyField)
                ? "***"
                : Convert.ToString(record[name], CultureInfo.InvariantCulture)));
    }
}
