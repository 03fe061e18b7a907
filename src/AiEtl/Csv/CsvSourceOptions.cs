using System.Text;

namespace AiEtl.Csv;

/// <summary>The CSV source's configuration (the seed's <c>path</c>, <c>encoding</c>, <c>delimiter</c>, <c>has_header</c>).</summary>
/// <param name="Path">The file to read.</param>
public sealed record CsvSourceOptions(string Path)
{
    /// <summary>The text encoding; <see langword="null"/> honours a byte order mark and assumes UTF-8 otherwise.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The field separator.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether the first row names the columns. Without a header, columns are taken in schema order.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Whether header names match field names ignoring case (an exact match is always tried first).</summary>
    public bool IgnoreHeaderCase { get; init; } = true;
}
