namespace AiEtl.Configuration.Yaml;

/// <summary>A scalar: its text as written (quotes removed) and whether it was quoted, which decides its type.</summary>
public sealed class YamlScalar : YamlNode
{
    /// <summary>Creates a scalar.</summary>
    public YamlScalar(string value, bool isQuoted, YamlPosition start, YamlPosition end, bool isMultiline = false)
        : base(start, end)
    {
        Value = value;
        IsQuoted = isQuoted;
        IsMultiline = isMultiline;
    }

    /// <summary>The text, without quotes, escapes applied.</summary>
    public string Value { get; }

    /// <summary>Whether the scalar was written in quotes (then it is always a string).</summary>
    public bool IsQuoted { get; }

    /// <summary>Whether the scalar spans lines (a block scalar or a folded one): columns inside it cannot be computed.</summary>
    public bool IsMultiline { get; }

    /// <summary>Whether the scalar is YAML's null: empty, <c>~</c> or <c>null</c>, unquoted.</summary>
    public bool IsNull => !IsQuoted && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    /// <summary>Where the character at <paramref name="index"/> of <see cref="Value"/> is, for a single-line scalar.</summary>
    public YamlPosition PositionOf(int index) =>
        IsMultiline ? Start : new YamlPosition(Start.Line, Start.Column + index + (IsQuoted ? 1 : 0));

    /// <inheritdoc />
    public override string KindName => "a value";

    /// <summary>A copy with another text (a resolved placeholder), at the same place.</summary>
    public YamlScalar WithValue(string value) => new(value, IsQuoted, Start, End, IsMultiline) { OriginalValue = OriginalValue ?? Value };

    /// <summary>A copy that stands for a value that could not be resolved (an unset variable, already reported), which later checks skip.</summary>
    internal YamlScalar AsUnresolved() => new(Value, IsQuoted, Start, End, IsMultiline) { OriginalValue = OriginalValue ?? Value, IsUnresolved = true };

    /// <summary>
    /// A copy for the compiler: <paramref name="value"/> has each placeholder replaced by its default (or nothing, when
    /// <paramref name="lacksDefault"/>), and the text as written is kept for a text setting to resolve at run time.
    /// </summary>
    internal YamlScalar AsKept(string value, bool lacksDefault) =>
        new(value, IsQuoted, Start, End, IsMultiline) { OriginalValue = OriginalValue ?? Value, IsKept = true, LacksDefault = lacksDefault };

    /// <summary>Whether the scalar's placeholders are kept for run time (a compiled pipeline's file).</summary>
    internal bool IsKept { get; private init; }

    /// <summary>Whether a kept placeholder has no default, so no value is known before the pipeline runs.</summary>
    internal bool LacksDefault { get; private init; }

    /// <summary>Whether a placeholder of this scalar could not be resolved; its problem is already reported.</summary>
    internal bool IsUnresolved { get; private init; }

    /// <summary>The text as written, before <c>${VAR}</c> placeholders were resolved; <see langword="null"/> when none were.</summary>
    public string? OriginalValue { get; private init; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
