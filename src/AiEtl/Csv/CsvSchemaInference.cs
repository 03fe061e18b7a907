namespace AiEtl.Csv;

/// <summary>
/// Infers the schema of a CSV file from a sample of its rows (or all of them, <see cref="SchemaInferenceOptions.FullScan"/>):
/// the type of each column with a confidence between 0 and 1, nullability and null counts, the sample size, and the
/// evidence (<see cref="Analyze"/>: classes of values, the rule that decided, counterexamples with their rows).
/// Values are typed by the parsing the source reads them with (its <see cref="CsvSourceOptions.Culture"/>, exact date,
/// date-time and time formats, and null values), so that a column inferred as a type reads without errors; codes with
/// leading zeros or named as codes stay text, amounts with fixed decimals are decimals, sentinels (<c>NA</c>, <c>-</c>)
/// are null tokens, and numbers that only make sense with a decimal comma are read so, with a warning.
/// A date column whose values read as different days in day-first and month-first order (<c>01/02/2024</c>) is read in
/// the source's order when other values show that order or the exact formats name one; when nothing shows it, its
/// confidence is at most 0.5 (so it is unsure); when other values contradict the source's order, it is text.
/// docs/inference.md lists the rules and how the confidence is computed.
/// </summary>
public static class CsvSchemaInference
{
    /// <summary>Infers the schema of the (first) file of <paramref name="source"/>.</summary>
    /// <exception cref="PipelineConfigurationException">The file does not exist, or a date, date-time or time format of <paramref name="source"/> is not valid.</exception>
    /// <exception cref="SchemaException">The file has no header row.</exception>
    public static Schema Infer(CsvSourceOptions source, SchemaInferenceOptions? options = null) => Analyze(source, options).Schema;

    /// <summary>Infers the schema of the (first) file of <paramref name="source"/>, with the evidence for each column.</summary>
    /// <exception cref="PipelineConfigurationException">The file does not exist, or a date, date-time or time format of <paramref name="source"/> is not valid.</exception>
    /// <exception cref="SchemaException">The file has no header row.</exception>
    public static SchemaInferenceResult Analyze(CsvSourceOptions source, SchemaInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new SchemaInferenceOptions();
        var path = CsvFiles.IsGlob(source.Path) ? CsvFiles.Resolve(source.Path).FirstOrDefault() : Path.GetFullPath(source.Path);
        if (path is null || !File.Exists(path))
        {
            throw new PipelineConfigurationException("the CSV file to infer a schema from does not exist", new DataLocation(source.Path));
        }

        var sample = new CsvSample(source, options.AdaptSourceOptions);
        sample.Read(path, options);
        if (options.AdaptSourceOptions && source.Culture is null && sample.Columns.Any(c => c.NeedsDecimalComma(options.MinConfidence)))
        {
            // Some numbers only read with a decimal comma: the file is read again so, and every column decided on that reading.
            sample = new CsvSample(source with { Culture = DecimalCommaCulture.Create() }, sentinels: true);
            sample.Read(path, options);
            return Result(sample, path, options, decimalComma: true);
        }

        return Result(sample, path, options, decimalComma: false);
    }

    /// <summary>The fields of an inferred schema whose confidence is below <paramref name="minConfidence"/>.</summary>
    public static IReadOnlyList<Field> Unsure(Schema schema, double minConfidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return [.. schema.Fields.Where(f => f.IsInferred && (f.Confidence ?? 0) < minConfidence)];
    }

    /// <summary>
    /// The options a source must read the file with for the inferred schema: the null tokens found added to the null
    /// values, and a decimal-comma culture when the numbers need one and <paramref name="source"/> has no culture.
    /// </summary>
    public static CsvSourceOptions ReadOptions(CsvSourceOptions source, SchemaInferenceResult inferred)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(inferred);
        return source with
        {
            NullValues = [.. source.NullValues.Union(inferred.NullTokens, StringComparer.Ordinal)],
            Culture = source.Culture ?? (inferred.DecimalComma ? DecimalCommaCulture.Create() : null),
        };
    }

    /// <summary>
    /// A source of dynamic <see cref="Record"/> rows whose schema is inferred from the file now (the
    /// <c>aietl</c> path, where no record type exists), read with the null tokens and decimal comma the inference found
    /// (<see cref="ReadOptions"/>). Unsure columns are named in one warning per run.
    /// </summary>
    public static CsvSource<Record, RecordCodec> CreateSource(CsvSourceOptions source, SchemaInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var inferred = Analyze(source, options);
        return new CsvSource<Record, RecordCodec>(ReadOptions(source, inferred), new RecordCodec(inferred.Schema, new RecordMetadata("csv", Path.GetFullPath(source.Path))));
    }

    private static SchemaInferenceResult Result(CsvSample sample, string path, SchemaInferenceOptions options, bool decimalComma)
    {
        var fieldCount = Math.Max(sample.Names?.Length ?? 0, sample.Columns.Count);
        var fields = new List<Field>(fieldCount);
        var columns = new List<ColumnInference>(fieldCount);
        var nullCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fieldCount; i++)
        {
            var name = sample.Names is { } names && i < names.Length ? names[i].Trim() : $"column_{i + 1}";
            var stats = i < sample.Columns.Count ? sample.Columns[i] : new ColumnStats();
            stats.Nulls += sample.Rows - stats.Nulls - stats.Values - stats.Tokens;
            var (field, evidence) = stats.ToField(name, sample.Rows, "values", options.MinConfidence, sample.DeclaredOrders);
            if (decimalComma && evidence.Type is FieldType.Float or FieldType.Decimal)
            {
                evidence = evidence with { Warnings = [.. evidence.Warnings, "numbers read with a decimal comma (3,5), as no culture was set and some values only make sense so: set culture (de-DE or another with a decimal comma) to say so"] };
            }

            nullCounts[name] = evidence.Nulls;
            fields.Add(field);
            columns.Add(evidence);
        }

        var schema = new Schema(options.Name ?? SchemaName(path), fields)
        {
            IsInferred = true,
            SampleSize = sample.Rows,
            NullCounts = nullCounts,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        return new SchemaInferenceResult
        {
            Schema = schema,
            Columns = columns,
            SampledRows = sample.Rows,
            SampledBytes = sample.Bytes,
            FileBytes = sample.FileBytes,
            ShareSeen = sample.ReadWholeFile ? 1 : sample.FileBytes is > 0 and var bytes ? Math.Min(1, (double)sample.Bytes / bytes) : null,
            ReadWholeFile = sample.ReadWholeFile,
            SpreadThroughFile = sample.Spread,
            NullTokens = [.. columns.SelectMany(c => c.NullTokens.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            DecimalComma = decimalComma,
        };
    }

    private static string SchemaName(string path)
    {
        var name = FileCompressions.InnerName(path, FileCompressions.FromPath(path));
        return Path.GetFileNameWithoutExtension(name);
    }
}
