namespace AiEtl.Csv;

/// <summary>Binds a CSV header to a schema once per file: the CSV column of each field.</summary>
internal static class CsvColumnBinding
{
    /// <summary>Finds each schema field's column in the header.</summary>
    /// <param name="schema">The schema whose fields must all be present.</param>
    /// <param name="header">The header names, in file order.</param>
    /// <param name="path">The file, for error messages.</param>
    /// <param name="ignoreCase">Whether a case-insensitive match is tried after an exact one.</param>
    /// <param name="warn">Receives one warning listing the columns the schema does not use.</param>
    /// <exception cref="SchemaException">A field has no column; the message names every missing one.</exception>
    public static int[] Bind(Schema schema, IReadOnlyList<string> header, string path, bool ignoreCase, Action<string> warn)
    {
        var columns = new int[schema.Fields.Count];
        var used = new bool[header.Count];
        List<string>? missing = null;
        for (var ordinal = 0; ordinal < columns.Length; ordinal++)
        {
            var name = schema.Fields[ordinal].Name;
            var column = IndexOf(header, name, StringComparison.Ordinal);
            if (column < 0 && ignoreCase)
            {
                column = IndexOf(header, name, StringComparison.OrdinalIgnoreCase);
            }

            if (column < 0)
            {
                (missing ??= []).Add(name);
                continue;
            }

            columns[ordinal] = column;
            used[column] = true;
        }

        if (missing is not null)
        {
            var plural = missing.Count == 1 ? "column" : "columns";
            throw new SchemaException(
                $"the header has no {plural} {string.Join(", ", missing.Select(m => $"'{m}'"))} declared by {schema.Name} ({DescribeHeader(schema, header, used)})",
                new DataLocation(path) { Line = 1 });
        }

        var extra = header.Where((_, column) => !used[column]).ToList();
        if (extra.Count > 0)
        {
            warn($"{path}: columns not in the schema of {schema.Name} are ignored: {string.Join(", ", extra)}");
        }

        return columns;
    }

    // A file without a header has a data row in its place: with sensitive fields, only the cells that name a field are shown.
    private static string DescribeHeader(Schema schema, IReadOnlyList<string> header, bool[] used)
    {
        if (!SensitiveRawInput.Applies(schema))
        {
            return $"the header is: {string.Join(", ", header)}";
        }

        var names = header.Where((_, column) => used[column]).ToList();
        return $"the header's cells that name a field: {(names.Count == 0 ? "none" : string.Join(", ", names))}; its {header.Count - names.Count} other cells are not shown, "
            + "as the schema has sensitive fields and a file without a header would show its first row";
    }

    private static int IndexOf(IReadOnlyList<string> header, string name, StringComparison comparison)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name, comparison))
            {
                return i;
            }
        }

        return -1;
    }
}
