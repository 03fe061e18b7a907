namespace AiEtl;

/// <summary>Where in the input something happened: a file or table, and the line, column or row.</summary>
/// <param name="Source">The file path, table or endpoint.</param>
public sealed record DataLocation(string Source)
{
    /// <summary>The 1-based line in a text file.</summary>
    public long? Line { get; init; }

    /// <summary>The 1-based column (field number) in the row.</summary>
    public int? Column { get; init; }

    /// <summary>The column's name.</summary>
    public string? ColumnName { get; init; }

    /// <summary>The 1-based data row (the header not counted).</summary>
    public long? Row { get; init; }

    /// <summary>The byte offset of the row in the input.</summary>
    public long? ByteOffset { get; init; }

    /// <summary>Formats the location as compilers do: <c>file(line,column)</c>, then the row and column name.</summary>
    public override string ToString()
    {
        var text = Source;
        if (Line is { } line)
        {
            text += Column is { } column ? $"({line},{column})" : $"({line})";
        }

        if (Row is { } row)
        {
            text += $" row {row}";
        }

        if (ColumnName is { } name)
        {
            text += $" column '{name}'";
        }

        return text;
    }
}
