using System.Globalization;
using System.Text;

namespace AiEtl.Csv;

/// <summary>The CSV source's configuration: the file or glob, the encoding, the dialect, the header, null tokens, and the culture and formats of values.</summary>
/// <param name="Path">The file to read, or a glob (<c>data/*.csv</c>, <c>logs/**/*.csv</c>) of files read in ordinal order of their paths.</param>
public sealed record CsvSourceOptions(string Path)
{
    /// <summary>The text encoding; <see langword="null"/> honours a byte order mark and assumes UTF-8 otherwise.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The field separator.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The quote character (RFC 4180: <c>"</c>).</summary>
    public char Quote { get; init; } = '"';

    /// <summary>
    /// An escape character for files that escape instead of quoting (<c>a\,b</c>); <see langword="null"/>
    /// (the default) for RFC 4180 quoting, where a quote inside a quoted field is doubled.
    /// </summary>
    public char? Escape { get; init; }

    /// <summary>Whether the first row names the columns. Without a header, columns are taken in schema order.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Whether header names match field names ignoring case (an exact match is always tried first).</summary>
    public bool IgnoreHeaderCase { get; init; } = true;

    /// <summary>Whether spaces and tabs around unquoted values are removed.</summary>
    public bool TrimWhitespace { get; init; }

    /// <summary>Values that mean null besides the empty field, such as <c>NULL</c> or <c>\N</c> (matched exactly).</summary>
    public IReadOnlyList<string> NullValues { get; init; } = [];

    /// <summary>
    /// The culture of numbers and of dates without <see cref="DateFormats"/>, such as <c>de-DE</c> for <c>1.234,56</c> and
    /// <c>31.12.2024</c>; <see langword="null"/> (the default) reads the invariant culture and ISO-8601 on the fast path.
    /// Group separators must sit between groups of three digits, so that <c>1.5</c> in German is an error, not 15.
    /// </summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>
    /// Exact formats of date fields, tried in order (<c>dd.MM.yyyy</c>, <c>MM/dd/yyyy</c>); when set, only these are read.
    /// Empty (the default): ISO <c>yyyy-MM-dd</c>, then the <see cref="Culture"/>'s forms when one is set.
    /// </summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>
    /// Exact formats of date-time and timestamp fields, tried in order (<c>dd.MM.yyyy HH:mm</c>); when set, only these are
    /// read. A value with an offset becomes UTC in a date-time field; a timestamp without one is taken as UTC.
    /// Empty (the default): ISO-8601, then the <see cref="Culture"/>'s forms when one is set.
    /// </summary>
    public IReadOnlyList<string> DateTimeFormats { get; init; } = [];

    /// <summary>Exact formats of time fields, tried in order (<c>h:mm tt</c>); empty (the default): <c>HH:mm[:ss[.fffffff]]</c>.</summary>
    public IReadOnlyList<string> TimeFormats { get; init; } = [];

    /// <summary>The compression; <see langword="null"/> to take it from the extension (<c>.gz</c>, <c>.zip</c>, <c>.bz2</c>, <c>.xz</c>, <c>.zst</c>).</summary>
    public FileCompression? Compression { get; init; }

    /// <summary>
    /// How many batches are turned from text into rows at once, on the thread pool, while the reading thread
    /// tokenizes the next ones; <see langword="null"/> (the default) for one more than the processor count, 1 to
    /// build rows on the reading thread. Rows, errors and checkpoints come out in file order whatever the setting.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
