using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiEtl.Internal;

namespace AiEtl;

/// <summary>
/// The <see cref="Validator{T}"/> of dynamic <see cref="Record"/> rows, whose schema is known only at run time (YAML
/// pipelines, inferred schemas): checks each record against the constraints of its <see cref="Field"/>s (not
/// nullable, <see cref="Field.MinValue"/>/<see cref="Field.MaxValue"/>, <see cref="Field.Pattern"/>,
/// <see cref="Field.AllowedValues"/>) and that each value is of its field's type. A valid record passes unchanged; an
/// invalid one goes to the pipeline's error policy with every violation of the record in one error, values of
/// sensitive fields masked as the generated validators mask them. Each schema's constraints are prepared once
/// (patterns compiled, bounds converted), the first time a record of it is seen.
/// </summary>
public sealed class RecordValidator : Transform<Record>
{
    /// <summary>How long one pattern may take to match one value before the value is reported as not matching.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly JsonWriterOptions RawOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Schema? _schema;
    private readonly TimeSpan _matchTimeout;
    private readonly ViolationList _violations = new();
    private readonly Dictionary<Schema, FieldRules[]> _rules = new(ReferenceEqualityComparer.Instance);
    private readonly SchemaFieldSlots _schemaFields = new();

    /// <summary>Creates a validator.</summary>
    /// <param name="schema">
    /// The schema to check every record against; <see langword="null"/> to check each record against its own
    /// <see cref="Record.Schema"/>. A given schema is checked (patterns, bounds, allowed values) here.
    /// </param>
    /// <param name="matchTimeout">How long a pattern may take on one value; <see cref="DefaultMatchTimeout"/> when not set.</param>
    /// <exception cref="PipelineConfigurationException">A constraint of <paramref name="schema"/> is invalid.</exception>
    public RecordValidator(Schema? schema = null, TimeSpan? matchTimeout = null)
    {
        _matchTimeout = matchTimeout ?? DefaultMatchTimeout;
        _schema = schema;
        if (schema is not null)
        {
            _rules[schema] = Prepare(schema, _matchTimeout);
        }
    }

    /// <inheritdoc />
    public override string Name => "validator";

    /// <summary>Every violation of <paramref name="record"/>, in field order; empty when it is valid.</summary>
    /// <exception cref="PipelineConfigurationException">The record's schema has an invalid constraint.</exception>
    /// <exception cref="TransformException">The validator has no schema and neither has the record.</exception>
    public IReadOnlyList<Violation> Validate(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _violations.Clear();
        Check(record, RulesFor(record), _schemaFields.Of(SchemaOf(record)), _violations);
        return _violations.Count == 0 ? [] : [.. _violations.Items];
    }

    /// <inheritdoc />
    /// <exception cref="ValidationException">The record breaks a constraint; the exception lists every violation.</exception>
    public override bool Apply(ref Record row)
    {
        var violations = Validate(row);
        return violations.Count == 0 ? true : throw new ValidationException(SchemaOf(row).Name, violations);
    }

    /// <summary>
    /// Validates one record without throwing; an invalid one is described with its primary key as the record id and
    /// the record as JSON (sensitive values masked) as the raw input to replay.
    /// </summary>
    protected override RowError? TryApply(ref Record row, out bool keep)
    {
        keep = false;
        Exception error;
        try
        {
            var violations = Validate(row);
            if (violations.Count == 0)
            {
                keep = true;
                return null;
            }

            error = new ValidationException(SchemaOf(row).Name, violations);
        }
        catch (TransformException noSchema)
        {
            error = noSchema;
        }

        var schema = _schema ?? row.Schema;
        return new RowError(PipelineStage.Transform, $"{Name}: {error.Message}")
        {
            RecordId = schema is null ? row.Metadata.RecordId : RecordIdOf(row, schema),
            RawInput = schema is null ? null : RawJson(row, schema),
            Exception = error,
        };
    }

    private Schema SchemaOf(Record record) =>
        _schema ?? record.Schema ?? throw new TransformException("the record has no schema; give the validator one");

    private FieldRules[] RulesFor(Record record)
    {
        var schema = SchemaOf(record);
        if (!_rules.TryGetValue(schema, out var rules))
        {
            rules = Prepare(schema, _matchTimeout);
            _rules[schema] = rules;
        }

        return rules;
    }

    // The rules are the schema's fields in order, as are the slots.
    private static void Check(Record record, FieldRules[] rules, FieldSlots values, ViolationList violations)
    {
        var slots = values.In(record.Data.Shape);
        for (var ordinal = 0; ordinal < rules.Length; ordinal++)
        {
            rules[ordinal].Check(values.ValueOf(record.Data, slots, ordinal), violations);
        }
    }

    private static FieldRules[] Prepare(Schema schema, TimeSpan matchTimeout)
    {
        var rules = new FieldRules[schema.Fields.Count];
        for (var ordinal = 0; ordinal < rules.Length; ordinal++)
        {
            rules[ordinal] = new FieldRules(schema.Name, ordinal, schema.Fields[ordinal], matchTimeout);
        }

        return rules;
    }

    // The primary key's values, when the schema has one, so that the error names the row; sensitive parts masked.
    internal static string? RecordIdOf(Record row, Schema schema)
    {
        if (schema.PrimaryKey is not { Count: > 0 } key)
        {
            return row.Metadata.RecordId;
        }

        return string.Join(
            ",",
            key.Select(name => schema.GetField(name) is { } keyField && FieldMasks.Applies(keyField)
                ? "***"
                : row[name] is { } value ? FieldValues.Text(value) : ""));
    }

    // The record as a JSON object in schema order, for the dead-letter file; a sensitive value is written masked, never in clear.
    internal static string RawJson(Record row, Schema schema)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, RawOptions))
        {
            writer.WriteStartObject();
            foreach (var field in schema.Fields)
            {
                writer.WritePropertyName(field.Name);
                var value = row[field.Name];
                switch (value)
                {
                    case null or DBNull:
                        writer.WriteNullValue();
                        break;
                    case not null when FieldMasks.Applies(field):
                        writer.WriteStringValue(FieldMasks.Mask(field, FieldValues.Text(value)));
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case long or int or short or decimal or double and not (double.NaN or double.PositiveInfinity or double.NegativeInfinity):
                        // Invariant number text is valid JSON; NaN and infinities (which JSON has not) fall through to strings.
                        writer.WriteRawValue(FieldValues.Text(value), skipInputValidation: true);
                        break;
                    default:
                        writer.WriteStringValue(FieldValues.Text(value));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One field's constraints, converted to the field's CLR type and compiled once.</summary>
    private sealed class FieldRules
    {
        private const string RequiredExpected = "a value (the field is not nullable)";
        private readonly int _ordinal;
        private readonly object? _min;
        private readonly object? _max;
        private readonly string? _rangeExpected;
        private readonly Regex? _pattern;
        private readonly string? _patternExpected;
        private readonly object[]? _allowed;
        private readonly string? _allowedExpected;

        public FieldRules(string schemaName, int ordinal, Field field, TimeSpan matchTimeout)
        {
            _ordinal = ordinal;
            Field = field;
            _min = Bound(schemaName, field, field.MinValue, "minimum");
            _max = Bound(schemaName, field, field.MaxValue, "maximum");
            if (_min is not null && _max is not null && Compare(_min, _max) > 0)
            {
                throw Invalid(schemaName, field, $"its minimum {FieldValues.Text(_min)} is greater than its maximum {FieldValues.Text(_max)}");
            }

            _rangeExpected = (_min, _max) switch
            {
                (not null, not null) => $"between {FieldValues.Text(_min)} and {FieldValues.Text(_max)}",
                (not null, null) => $"at least {FieldValues.Text(_min)}",
                (null, not null) => $"at most {FieldValues.Text(_max)}",
                _ => null,
            };

            if (field.Pattern is { } pattern)
            {
                try
                {
                    // Compiled to IL once per validator, as the generated validators do; the timeout bounds a pathological pattern.
                    _pattern = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
                }
                catch (ArgumentException error)
                {
                    throw Invalid(schemaName, field, $"its pattern '{pattern}' is not a valid regular expression: {error.Message}", error);
                }

                _patternExpected = $"a match for {pattern}";
            }

            if (field.AllowedValues is { Count: > 0 } allowed)
            {
                _allowed = [.. allowed.Select(value => Bound(schemaName, field, value, "allowed value") ?? throw Invalid(schemaName, field, "an allowed value is null; nullability says whether null is allowed"))];
                _allowedExpected = $"one of {string.Join(", ", _allowed.Select(FieldValues.Text))}";
            }
        }

        public Field Field { get; }

        public void Check(object? value, ViolationList violations)
        {
            if (value is null or DBNull)
            {
                if (!Field.IsNullable)
                {
                    violations.Add(new Violation(_ordinal, Field.Name, ValidationRule.Required, null, RequiredExpected));
                }

                return;
            }

            if (!FieldValues.TryConvert(Field.Type, value, out var typed))
            {
                violations.Add(new Violation(_ordinal, Field.Name, ValidationRule.Type, Shown(FieldValues.Text(value)), FieldValues.Describe(Field.Type)));
                return;
            }

            // NaN is outside every range, as in the generated validators.
            if (_rangeExpected is not null
                && ((typed is double number && double.IsNaN(number)) || (_min is not null && Compare(typed, _min) < 0) || (_max is not null && Compare(typed, _max) > 0)))
            {
                violations.Add(new Violation(_ordinal, Field.Name, ValidationRule.Range, Shown(FieldValues.Text(typed)), _rangeExpected));
            }

            if (_pattern is not null)
            {
                var text = FieldValues.Text(typed);
                bool matches;
                var expected = _patternExpected!;
                try
                {
                    matches = _pattern.IsMatch(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    matches = false;
                    expected += $" (the match took longer than {_pattern.MatchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)";
                }

                if (!matches)
                {
                    violations.Add(new Violation(_ordinal, Field.Name, ValidationRule.Pattern, Shown(text), expected));
                }
            }

            if (_allowed is not null && Array.IndexOf(_allowed, typed) < 0)
            {
                violations.Add(new Violation(_ordinal, Field.Name, ValidationRule.AllowedValues, Shown(FieldValues.Text(typed)), _allowedExpected!));
            }
        }

        // Text compares by code point, whatever the current culture.
        private static int Compare(object value, object bound) =>
            value is string text ? string.CompareOrdinal(text, (string)bound) : ((IComparable)value).CompareTo(bound);

        private static object? Bound(string schemaName, Field field, object? value, string what)
        {
            if (value is null)
            {
                return null;
            }

            if (!FieldValues.TryConvert(field.Type, value, out var converted))
            {
                throw Invalid(schemaName, field, $"its {what} {FieldValues.Text(value)} is not {FieldValues.Describe(field.Type)}");
            }

            if (what != "allowed value" && converted is not IComparable)
            {
                throw Invalid(schemaName, field, $"a {field.Type} field cannot have a range");
            }

            return converted;
        }

        private static PipelineConfigurationException Invalid(string schemaName, Field field, string problem, Exception? inner = null) =>
            new($"{schemaName}.{field.Name}: {problem}", innerException: inner);

        private string Shown(string text) =>
            ViolationValues.Format(FieldMasks.Applies(Field) ? FieldMasks.Mask(Field, text) : text);
    }
}
