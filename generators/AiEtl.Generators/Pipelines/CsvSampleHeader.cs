namespace AiEtl.Generators;

/// <summary>The header of a CSV file that is an <c>AdditionalFiles</c> item: a pipeline reading it is checked against it.</summary>
/// <param name="FilePath">The file's path.</param>
/// <param name="Line">The first line, as written.</param>
internal sealed record CsvSampleHeader(string FilePath, string Line)
{
    /// <summary>The column names of <see cref="Line"/> split at <paramref name="delimiter"/>, quotes removed.</summary>
    public string[] Columns(char delimiter)
    {
        var parts = Line.Split(delimiter);
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim().Trim('"');
        }

        return parts;
    }
}
