using System.Collections.Generic;
using System.Linq;

namespace AiEtl.Generators;

/// <summary>
/// Writes the <c>Validate</c> method of an <see cref="EtlRecordSpec"/>: one block per field that has a check, in ordinal
/// order, so that every violation of a row is reported, not only the first.
/// </summary>
internal static class ValidateEmitter
{
    private const string Record = "record";
    private const string Violations = "violations";

    // The types the generated code names, fully qualified so that no user type or namespace can capture them.
    private const string ViolationCollector = "global::AiEtl.IViolationCollector";
    private const string Violation = "global::AiEtl.Violation";
    private const string ValidationRule = "global::AiEtl.ValidationRule";
    private const string ViolationValues = "global::AiEtl.Internal.ViolationValues";
    private const string JsonValueKind = "global::System.Text.Json.JsonValueKind";

    /// <summary>Writes the method.</summary>
    public static void Write(SourceWriter writer, EtlRecordSpec spec, string generatedCodeAttribute)
    {
        writer.WriteLine($$"""
            /// <summary>
            /// Checks <paramref name="{{Record}}"/> against the constraints declared on its properties and adds every
            /// violation to <paramref name="{{Violations}}"/>, in ordinal order; values of sensitive fields are masked.
            /// </summary>
            /// <typeparam name="TCollector">The collector of violations.</typeparam>
            /// <param name="{{Record}}">The record to check.</param>
            /// <param name="{{Violations}}">Receives the violations; nothing when the record is valid.</param>
            {{generatedCodeAttribute}}
            public static void Validate<TCollector>(in {{spec.FullyQualifiedName}} {{Record}}, ref TCollector {{Violations}})
                where TCollector : {{ViolationCollector}}, allows ref struct
            """);
        writer.OpenBlock();

        var locals = new HashSet<string>(System.StringComparer.Ordinal) { Record, Violations };
        var first = true;
        for (var ordinal = 0; ordinal < spec.Fields.Count; ordinal++)
        {
            var field = spec.Fields[ordinal];
            if (!field.HasChecks)
            {
                continue;
            }

            if (!first)
            {
                writer.WriteLine();
            }

            WriteField(writer, field, ordinal, locals);
            first = false;
        }

        if (first)
        {
            writer.WriteLine("// No property declares a constraint, and every value the fields can hold is valid.");
        }

        writer.CloseBlock();
    }

    private static void WriteField(SourceWriter writer, FieldSpec field, int ordinal, HashSet<string> locals)
    {
        var member = Record + "." + field.PropertyName;
        if (field.IsNullable)
        {
            // A null value is valid; the checks apply to a value.
            var local = Emitter.LocalName(field, ordinal, locals);
            var checks = Checks(field, ordinal, local);
            if (checks.Count == 1)
            {
                WriteCheck(writer, checks[0], "if (" + member + " is { } " + local + " && ");
            }
            else
            {
                writer.WriteLine("if (" + member + " is { } " + local + ")");
                writer.OpenBlock();
                WriteChecks(writer, checks);
                writer.CloseBlock();
            }

            return;
        }

        var valueChecks = Checks(field, ordinal, member);
        if (field.Kind == FieldValueKind.JsonElement)
        {
            // The default JsonElement holds no JSON value.
            writer.WriteLine($"if ({member}.ValueKind == {JsonValueKind}.Undefined)");
            writer.OpenBlock();
            WriteAdd(writer, field, ordinal, "Required", "null", "a JSON value (the field is not nullable)");
            writer.CloseBlock();
            return;
        }

        if (!field.IsReference)
        {
            WriteChecks(writer, valueChecks);
            return;
        }

        // A reference the type says is not null may still be null (set by code that ignored a warning, or by reflection).
        writer.WriteLine("if (" + member + " is null)");
        writer.OpenBlock();
        WriteAdd(writer, field, ordinal, "Required", "null", "a value (the field is not nullable)");
        writer.CloseBlock();
        if (valueChecks.Count == 1)
        {
            WriteCheck(writer, valueChecks[0], "else if (");
        }
        else if (valueChecks.Count > 1)
        {
            writer.WriteLine("else");
            writer.OpenBlock();
            WriteChecks(writer, valueChecks);
            writer.CloseBlock();
        }
    }

    private static void WriteChecks(SourceWriter writer, List<Check> checks)
    {
        for (var i = 0; i < checks.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            WriteCheck(writer, checks[i], "if (");
        }
    }

    /// <summary>Writes <c>if (condition) { add }</c>, where <paramref name="opening"/> is what comes before the condition.</summary>
    private static void WriteCheck(SourceWriter writer, Check check, string opening)
    {
        var condition = check.NeedsParentheses && opening.EndsWith("&& ", System.StringComparison.Ordinal) ? "(" + check.Condition + ")" : check.Condition;
        writer.WriteLine(opening + condition + ")");
        writer.OpenBlock();
        check.Add(writer);
        writer.CloseBlock();
    }

    /// <summary>The checks of a field's value, other than not null, on <paramref name="value"/>.</summary>
    private static List<Check> Checks(FieldSpec field, int ordinal, string value)
    {
        var checks = new List<Check>();
        var shown = field.Sensitive is null
            ? $"{ViolationValues}.Format({value})"
            : $"{ViolationValues}.Mask({value}, {Emitter.SensitiveKind}.{field.Sensitive})";
        var isConstant = ConstantConverter.IsConstantKind(field.Kind);
        if (field.Min is { } min && field.Max is { } max)
        {
            var condition = isConstant
                ? value + " is not (>= " + min.Expression + " and <= " + max.Expression + ")"
                : value + " < " + min.Expression + " || " + value + " > " + max.Expression;
            checks.Add(new Check(condition, !isConstant, writer => WriteAdd(writer, field, ordinal, "Range", shown, "between " + min.Text + " and " + max.Text)));
        }

        if (field.Pattern is { } pattern)
        {
            checks.Add(new Check(
                "!" + Identifiers.PatternFieldName(field.PropertyName) + ".IsMatch(" + value + ")",
                false,
                writer => WriteAdd(writer, field, ordinal, "Pattern", shown, "a match for " + pattern)));
        }

        if (!field.AllowedValues.IsEmpty)
        {
            var values = field.AllowedValues.Select(allowed => allowed.Expression).ToList();
            var condition = !isConstant
                ? string.Join(" && ", values.Select(allowed => value + " != " + allowed))
                : values.Count == 1 ? value + " is not " + values[0] : value + " is not (" + string.Join(" or ", values) + ")";
            checks.Add(new Check(
                condition,
                false,
                writer => WriteAdd(writer, field, ordinal, "AllowedValues", shown, "one of " + string.Join(", ", field.AllowedValues.Select(allowed => allowed.Text)))));
        }

        return checks;
    }

    /// <summary>Writes the statement that reports a violation of <paramref name="rule"/>, a <c>ValidationRule</c> member name.</summary>
    private static void WriteAdd(SourceWriter writer, FieldSpec field, int ordinal, string rule, string shown, string expected)
    {
        writer.WriteLine($"""
            {Violations}.Add(new {Violation}(
                {Emitter.Invariant(ordinal)}, {Emitter.Literal(field.FieldName)}, {ValidationRule}.{rule}, {shown}, {Emitter.Literal(expected)}));
            """);
    }

    /// <summary>One check: the condition under which the value is invalid, and how to report it.</summary>
    private sealed class Check
    {
        public Check(string condition, bool needsParentheses, System.Action<SourceWriter> add)
        {
            Condition = condition;
            NeedsParentheses = needsParentheses;
            Add = add;
        }

        public string Condition { get; }

        public bool NeedsParentheses { get; }

        public System.Action<SourceWriter> Add { get; }
    }
}
