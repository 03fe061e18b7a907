namespace AiEtl;

/// <summary>
/// A dynamic row: a dictionary of values with metadata. Used where the schema is only
/// known at run time (YAML pipelines run by the CLI, dead-letter entries). Typed pipelines use the
/// user's <c>[EtlRecord]</c> types instead and never allocate one of these per row.
/// </summary>
public sealed class Record
{
    /// <summary>Creates a record whose values are <paramref name="data"/> (the dictionary itself, not a copy).</summary>
    public Record(Dictionary<string, object?> data, RecordMetadata metadata, Schema? schema = null)
        : this(new RecordData(data ?? throw new ArgumentNullException(nameof(data))), metadata, schema)
    {
    }

    // Private, with Of for the library: a second visible constructor would make `new Record(new() { ... }, ...)` ambiguous.
    private Record(RecordData data, RecordMetadata? metadata, RecordMetadata? source, Schema? schema)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        _metadata = metadata;
        _source = source;
        Schema = schema;
    }

    private Record(RecordData data, RecordMetadata metadata, Schema? schema)
        : this(data, metadata ?? throw new ArgumentNullException(nameof(metadata)), source: null, schema)
    {
    }

    // A row's own metadata is made when first asked for, from its source's: most loads never touch it, and a copy per
    // row was one allocation of five.
    private RecordMetadata? _metadata;
    private readonly RecordMetadata? _source;

    /// <summary>The values by field name.</summary>
    public RecordData Data { get; }

    /// <summary>Where the record came from and what happened to it.</summary>
    public RecordMetadata Metadata => _metadata ??= _source!.ForNewRow();

    /// <summary>The schema the record follows, when known.</summary>
    public Schema? Schema { get; set; }

    /// <summary>When the record was read.</summary>
    public DateTimeOffset? ExtractedAt
    {
        get => _times.ExtractedAt;
        set => Writable.ExtractedAt = value;
    }

    /// <summary>When the record was last transformed.</summary>
    public DateTimeOffset? TransformedAt
    {
        get => _times.TransformedAt;
        set => Writable.TransformedAt = value;
    }

    /// <summary>When the record was written.</summary>
    public DateTimeOffset? LoadedAt
    {
        get => _times.LoadedAt;
        set => Writable.LoadedAt = value;
    }

    // The three times beside the row, made when one is first set: the engine sets none, and kept inline they were 72
    // of a row's 120 bytes. Until then every row shares one empty set, never written to.
    private RecordTimes _times = RecordTimes.None;

    private RecordTimes Writable => _times != RecordTimes.None ? _times : _times = new RecordTimes();

    /// <summary>A row read from a source: its metadata, when asked for, is a copy of <paramref name="source"/>'s.</summary>
    internal static Record Read(RecordData data, RecordMetadata source, Schema? schema) => new(data, metadata: null, source, schema);

    /// <summary>Gets a value by field name, or <see langword="null"/> when absent.</summary>
    public object? this[string name] => Data.TryGetValue(name, out var value) ? value : null;

    private sealed class RecordTimes
    {
        public static readonly RecordTimes None = new();

        public DateTimeOffset? ExtractedAt { get; set; }

        public DateTimeOffset? TransformedAt { get; set; }

        public DateTimeOffset? LoadedAt { get; set; }
    }
}
