namespace AiEtl;

/// <summary>
/// A field value that could not be converted to its declared type. Adapters catch it and add the
/// file, line and column before it reaches the user or the dead-letter file.
/// </summary>
public sealed class FieldFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ordinal">The schema ordinal of the field.</param>
    /// <param name="expected">What the value should have been, such as <c>an integer</c>.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public FieldFormatException(int ordinal, string expected, Exception? innerException = null)
        : base($"field {ordinal} is not {expected}", innerException)
    {
        Ordinal = ordinal;
        Expected = expected;
    }

    /// <summary>The schema ordinal of the field.</summary>
    public int Ordinal { get; }

    /// <summary>What the value should have been.</summary>
    public string Expected { get; }
}
