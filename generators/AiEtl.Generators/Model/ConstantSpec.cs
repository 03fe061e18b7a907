namespace AiEtl.Generators;

/// <summary>A value from a constraint attribute, converted to the field's type when the record was compiled.</summary>
/// <param name="Expression">A C# expression of the field's type for the value: <c>150</c>, <c>0.5m</c>, <c>new global::System.DateOnly(2000, 1, 1)</c>.</param>
/// <param name="Text">The value as people read it in messages: <c>150</c>, <c>0.5</c>, <c>2000-01-01</c>.</param>
internal sealed record ConstantSpec(string Expression, string Text);
