using CsvHelper;

namespace AiEtl.Csv;

/// <summary>
/// Infers the schema of a CSV file from a sample of its rows: the type of
/// each column with a confidence between 0 and 1 (the share of its non-null sampled values that fit the
/// type), nullability and null counts, and the sample size. Columns whose confidence is below
/// <see cref="SchemaInferenceOptions.MinConfidence"/> are text and are listed by <see cref="Unsure"/>.
/// Values are typed by the parsing the source reads them with (its <see cref="CsvSourceOptions.Culture"/>, exact date,
/// date-time and time formats, and null tokens), so that a column inferred as a type reads without errors.
/// A date column whose values read as different days in day-first and month-first order (<c>01/02/2024</c>) is read in
/// the source's order when other values show that order or the exact formats name one; when nothing shows it, its
/// confidence is at most 0.5 (so it is unsure); when other values contradict the source's order, it is text.
/// </summary>
public static class CsvSchemaInference
{
    /// <summary>Infers the schema of the (first) file of <paramref name="source"/>.</summary>
    /// <exception cref="PipelineConfigurationException">The file does not exist, or a date, date-time or time format of <paramref name="source"/> is not valid.</exception>
    /// <exception cref="SchemaException">The file has no header row.</exception>
    public static Schema Infer(CsvSourceOptions source, SchemaInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new SchemaInferenceOptions();
        var path = CsvFiles.IsGlob(source.Path) ? CsvFiles.Resolve(source.Path).FirstOrDefault() : Path.GetFullPath(source.Path);
        if (path is null || !File.Exists(path))
        {
            throw new PipelineConfigurationException("the CSV file to infer a schema from does not exist", new DataLocation(source.Path));
        }

        var compression = source.Compression ?? FileCompressions.FromPath(path);
        using var stream = FileCompressions.OpenRead(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), compression, path);
        var readerOptions = CsvReaderOptions.Default with
        {
            Separator = source.Delimiter,
            Quote = source.Quote,
            Mode = source.Escape is null ? CsvMode.Rfc4180 : CsvMode.Escape,
            Escape = source.Escape ?? '\\',
            HasHeader = source.HasHeader,
            Encoding = source.Encoding,
            TrimWhitespace = source.TrimWhitespace,
            MalformedData = CsvMalformedDataHandling.Skip,
            DetectSeparatorHint = false,
        };
        using var csv = CsvReader.Create(stream, readerOptions, leaveOpen: true);
        string[]? names = source.HasHeader ? [.. csv.Headers] : null;
        if (names is { Length: 0 })
        {
            throw new SchemaException("the file has no header row to name the columns", new DataLocation(path) { Line = 1 });
        }

        var kinds = new ValueKinds(source);
        var columns = new List<ColumnStats>();
        var nullValues = source.NullValues.ToHashSet(StringComparer.Ordinal);
        var sampled = 0;
        while (sampled < options.SampleSize && csv.Read())
        {
            sampled++;
            for (var i = 0; i < csv.FieldCount; i++)
            {
                while (columns.Count <= i)
                {
                    columns.Add(new ColumnStats());
                }

                var value = csv.GetString(i) ?? "";
                if (value.Length == 0 || nullValues.Contains(value))
                {
                    columns[i].Nulls++;
                }
                else
                {
                    columns[i].Add(kinds.Of(value));
                }
            }
        }

        var fieldCount = Math.Max(names?.Length ?? 0, columns.Count);
        var fields = new List<Field>(fieldCount);
        var nullCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fieldCount; i++)
        {
            var name = names is not null && i < names.Length ? names[i].Trim() : $"column_{i + 1}";
            var stats = i < columns.Count ? columns[i] : new ColumnStats();
            stats.Nulls += sampled - stats.Nulls - stats.Values;
            nullCounts[name] = stats.Nulls;
            fields.Add(stats.ToField(name, sampled, "values", options.MinConfidence, kinds.DeclaredOrders));
        }

        return new Schema(options.Name ?? SchemaName(path), fields)
        {
            IsInferred = true,
            SampleSize = sampled,
            NullCounts = nullCounts,
            CreatedAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>The fields of an inferred schema whose confidence is below <paramref name="minConfidence"/>.</summary>
    public static IReadOnlyList<Field> Unsure(Schema schema, double minConfidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return [.. schema.Fields.Where(f => f.IsInferred && (f.Confidence ?? 0) < minConfidence)];
    }

    /// <summary>
    /// A source of dynamic <see cref="Record"/> rows whose schema is inferred from the file now (the
    /// <c>aietl</c> path, where no record type exists). Unsure columns are named in one warning per run.
    /// </summary>
    public static CsvSource<Record, RecordCodec> CreateSource(CsvSourceOptions source, SchemaInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var schema = Infer(source, options);
        return new CsvSource<Record, RecordCodec>(source, new RecordCodec(schema, new RecordMetadata("csv", Path.GetFullPath(source.Path))));
    }

    private static string SchemaName(string path)
    {
        var name = FileCompressions.InnerName(path, FileCompressions.FromPath(path));
        return Path.GetFileNameWithoutExtension(name);
    }
}
