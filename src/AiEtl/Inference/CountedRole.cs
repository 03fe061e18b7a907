namespace AiEtl;

/// <summary>How a column counts one of its fields (<see cref="CountedValue"/>).</summary>
internal enum CountedRole : byte
{
    /// <summary>One of the source's null values.</summary>
    Null,

    /// <summary>A sentinel text (<c>NA</c>): a null if the column is typed, a value if it is text.</summary>
    Token,

    /// <summary>A value of a kind.</summary>
    Value,
}
