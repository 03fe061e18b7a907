using System.Text;
using System.Text.Json;
using AiEtl.Csv;

namespace AiEtl.Json;

/// <summary>
/// Infers the schema of a JSON or JSON Lines file from its first objects, as <see cref="CsvSchemaInference"/> does for a
/// CSV file: fields in the order their properties first appear (names compared as the source compares them), each
/// with a type, a confidence (the share of its non-null sampled values that fit the type), nullability and null
/// counts. Numbers and booleans count as the JSON tokens say; strings are typed by the same invariant rules the
/// source parses them with (<c>"2024-05-01"</c> is a date, <c>"42"</c> an integer); objects and arrays are JSON. A
/// property missing from an object counts as a null. Lines that are not JSON objects are skipped and counted.
/// </summary>
public static class JsonSchemaInference
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Infers the schema of the file of <paramref name="source"/>.</summary>
    /// <exception cref="PipelineConfigurationException">The file does not exist.</exception>
    /// <exception cref="SchemaException">A JSON array file is not valid JSON before the sample ends, or holds no object.</exception>
    public static Schema Infer(JsonSourceOptions source, SchemaInferenceOptions? options = null) => Analyze(source, options).Schema;

    /// <summary>Infers the schema of the file of <paramref name="source"/>, with the evidence for each field (rows are object numbers).</summary>
    /// <exception cref="PipelineConfigurationException">The file does not exist.</exception>
    /// <exception cref="SchemaException">A JSON array file is not valid JSON before the sample ends, or holds no object.</exception>
    public static SchemaInferenceResult Analyze(JsonSourceOptions source, SchemaInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new SchemaInferenceOptions();
        var path = Path.GetFullPath(source.Path);
        if (!File.Exists(path))
        {
            throw new PipelineConfigurationException("the JSON file to infer a schema from does not exist", new DataLocation(source.Path));
        }

        var sample = new Sample(source.IgnorePropertyCase, new ValueKinds(new CsvSourceOptions(path)));
        var compression = source.Compression ?? FileCompressions.FromPath(path);
        var sampleSize = options.FullScan ? int.MaxValue : Math.Max(1, options.SampleSize);
        using (var stream = FileCompressions.OpenRead(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), compression, path))
        {
            if ((source.Format ?? JsonFormats.FromPath(path)) == JsonFormat.Lines)
            {
                ReadLines(stream, sample, sampleSize);
            }
            else
            {
                ReadArray(stream, path, sample, sampleSize);
            }
        }

        if (sample.Objects == 0)
        {
            throw new SchemaException($"the file holds no JSON object to infer a schema from{(sample.Skipped > 0 ? $" ({sample.Skipped} lines are not JSON objects)" : "")}", new DataLocation(path));
        }

        return sample.ToResult(options, path, compression, sampleSize);
    }

    /// <summary>
    /// A source of dynamic <see cref="Record"/> rows whose schema is inferred from the file now (the <c>aietl</c> path,
    /// where no record type exists).
    /// </summary>
    public static JsonSource<Record, RecordCodec> CreateSource(JsonSourceOptions source, SchemaInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var schema = Infer(source, options);
        var format = (source.Format ?? JsonFormats.FromPath(source.Path)) == JsonFormat.Lines ? "jsonl" : "json";
        return new JsonSource<Record, RecordCodec>(source, new RecordCodec(schema, new RecordMetadata(format, Path.GetFullPath(source.Path))));
    }

    private static void ReadLines(Stream stream, Sample sample, int sampleSize)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (sample.Objects < sampleSize && reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                sample.Add(document.RootElement);
            }
            catch (JsonException)
            {
                sample.Skipped++;
            }
        }
    }

    // The objects of a top-level array, parsed one at a time from a buffer that grows only to the largest object.
    private static void ReadArray(Stream stream, string path, Sample sample, int sampleSize)
    {
        var buffer = new byte[ChunkSize];
        var filled = 0;
        var final = false;
        var state = default(JsonReaderState);
        while (!final && sample.Objects < sampleSize)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            final = read == 0;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
            try
            {
                if (ReadObjects(ref reader, sample, sampleSize))
                {
                    return;
                }
            }
            catch (JsonException error)
            {
                throw new SchemaException($"the file is not valid JSON: {error.Message}", new DataLocation(path) { Line = (error.LineNumber ?? 0) + 1 }, error);
            }

            // The rest of the buffer is an object cut by the chunk's end: keep it, and read on after it.
            var consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
        }
    }

    // Adds the whole objects in the reader's data; true when the array ended or the sample is full. On return the reader
    // stands before the first value it could not read whole.
    private static bool ReadObjects(ref Utf8JsonReader reader, Sample sample, int sampleSize)
    {
        while (sample.Objects < sampleSize)
        {
            var before = reader;
            if (!reader.Read())
            {
                reader = before;
                return false;
            }

            if (reader.CurrentDepth <= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !(reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.StartArray))
            {
                if (!JsonDocument.TryParseValue(ref reader, out var document))
                {
                    reader = before;
                    return false;
                }

                using (document)
                {
                    sample.Add(document.RootElement);
                }
            }
            else if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndArray)
            {
                return true;
            }
        }

        return true;
    }

    // The properties seen so far, in first-seen order, with the kinds of their values.
    private sealed class Sample(bool ignoreCase, ValueKinds kinds)
    {
        private readonly List<string> _names = [];
        private readonly Dictionary<string, ColumnStats> _columns = new(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        public int Objects { get; private set; }

        public int Skipped { get; set; }

        public void Add(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Skipped++;
                return;
            }

            Objects++;
            foreach (var property in element.EnumerateObject())
            {
                if (!_columns.TryGetValue(property.Name, out var stats))
                {
                    _names.Add(property.Name);
                    _columns[property.Name] = stats = new ColumnStats(sentinels: false); // the JSON source has no null values to read them with
                }

                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.Null:
                        stats.Nulls++;
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        stats.Add(new ValueKind(FieldType.Boolean), value.GetRawText(), Objects, null);
                        break;
                    case JsonValueKind.Number:
                        stats.Add(value.GetRawText(), kinds, Objects, null);
                        break;
                    case JsonValueKind.String:
                        var text = value.GetString()!;
                        if (text.Length == 0)
                        {
                            stats.Nulls++;
                        }
                        else
                        {
                            stats.Add(text, kinds, Objects, null);
                        }

                        break;
                    default:
                        stats.Add(new ValueKind(FieldType.Json), value.GetRawText(), Objects, null);
                        break;
                }
            }
        }

        public SchemaInferenceResult ToResult(SchemaInferenceOptions options, string path, FileCompression compression, int sampleSize)
        {
            var fields = new List<Field>(_names.Count);
            var columns = new List<ColumnInference>(_names.Count);
            var nullCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var name in _names)
            {
                var stats = _columns[name];
                stats.Nulls = Objects - stats.Values - stats.Tokens; // a property an object lacks is a null too
                var (field, evidence) = stats.ToField(name, Objects, "objects", options.MinConfidence, kinds.DeclaredOrders);
                nullCounts[name] = evidence.Nulls;
                fields.Add(field);
                columns.Add(evidence);
            }

            var schema = new Schema(options.Name ?? Path.GetFileNameWithoutExtension(FileCompressions.InnerName(path, FileCompressions.FromPath(path))), fields)
            {
                IsInferred = true,
                SampleSize = Objects,
                NullCounts = nullCounts,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var whole = Objects < sampleSize;
            return new SchemaInferenceResult
            {
                Schema = schema,
                Columns = columns,
                SampledRows = Objects,
                FileBytes = compression == FileCompression.None ? new FileInfo(path).Length : null,
                ReadWholeFile = whole,
                ShareSeen = whole ? 1 : null,
                NullTokens = [.. columns.SelectMany(c => c.NullTokens.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            };
        }
    }
}
