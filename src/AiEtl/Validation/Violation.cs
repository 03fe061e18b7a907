using AiEtl.Internal;

namespace AiEtl;

/// <summary>One rule that one field of a row broke.</summary>
/// <param name="Ordinal">The field's ordinal in the schema.</param>
/// <param name="Field">The field name.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Value">
/// The value as invariant text, masked when the field is sensitive (see <see cref="ViolationValues"/>), or
/// <see langword="null"/> when the field holds no value.
/// </param>
/// <param name="Expected">What the value should have been, such as <c>between 0 and 150</c>.</param>
public sealed record Violation(int Ordinal, string Field, ValidationRule Rule, string? Value, string Expected)
{
    /// <summary>The violation as people read it: <c>age: 130 is not between 0 and 150</c>.</summary>
    public string Message => $"{Field}: {(Value is null ? "null" : $"'{Value}'")} is not {Expected}";

    /// <inheritdoc />
    public override string ToString() => Message;
}
