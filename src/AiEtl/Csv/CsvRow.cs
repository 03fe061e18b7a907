namespace AiEtl.Csv;

/// <summary>One tokenized CSV record of a <see cref="CsvRowBuffer"/>: its bound fields by schema ordinal, and its raw text.</summary>
internal readonly ref struct CsvRow
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly ReadOnlySpan<CsvRowBuffer.Field> _fields;

    public CsvRow(ReadOnlySpan<byte> bytes, ReadOnlySpan<CsvRowBuffer.Field> fields, ReadOnlySpan<byte> raw)
    {
        _bytes = bytes;
        _fields = fields;
        Raw = raw;
    }

    /// <summary>The record as it was in the file, quotes and delimiters included.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>Whether the field is empty or one of the source's null tokens.</summary>
    public bool IsNull(int ordinal) => _fields[ordinal].IsNull;

    /// <summary>Whether the field has no characters (after unquoting and trimming).</summary>
    public bool IsEmpty(int ordinal) => _fields[ordinal].Length == 0;

    /// <summary>The field's unescaped UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> GetSpan(int ordinal) => _bytes.Slice(_fields[ordinal].Start, _fields[ordinal].Length);

    /// <summary>The field as text (empty, not null, for an empty field).</summary>
    public string GetString(int ordinal) => IsEmpty(ordinal) ? "" : Utf8Values.GetString(GetSpan(ordinal));
}
