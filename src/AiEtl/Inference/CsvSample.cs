using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AiEtl.Csv;
using CsvHelper;

namespace AiEtl;

/// <summary>
/// Reads the rows a CSV inference samples into one <see cref="ColumnStats"/> a column: the whole file, or its first half
/// sample and the other half from evenly spread byte offsets through it (a trap beyond the first rows is found), and
/// counts the bytes the sample covers.
/// </summary>
internal sealed class CsvSample
{
    // Spread rows come in this many runs, each from its own offset: enough to cover the file, few enough to stay cheap.
    private const int Segments = 16;

    private readonly CsvSourceOptions _source;
    private readonly ValueKinds _kinds;
    private readonly HashSet<string> _nullValues;
    private readonly bool _sentinels;
    private readonly int _batchRows;
    private readonly int _parallel;

    // Batches being counted, oldest first; the classifiers (each caches the kinds it has seen) and buffers they hand back.
    private readonly Queue<Task<(CsvSampleBatch Batch, Counter Counter, List<ColumnStats> Columns)>> _counting = new();
    private readonly ConcurrentBag<Counter> _idleCounters = [];
    private readonly Counter _counter;
    private readonly Stack<CsvSampleBatch> _idleBatches = new();
    private CsvSampleBatch? _filling;

    /// <param name="source">The file's options.</param>
    /// <param name="sentinels">Whether sentinel texts are null tokens.</param>
    /// <param name="batchRows">Rows counted together (on another thread unless the source asks for one).</param>
    public CsvSample(CsvSourceOptions source, bool sentinels, int batchRows = 4096)
    {
        _sentinels = sentinels;
        _source = source;
        _kinds = new ValueKinds(source); // checks the formats before anything is read
        _counter = new Counter(_kinds);
        _nullValues = source.NullValues.ToHashSet(StringComparer.Ordinal);
        _batchRows = Math.Max(1, batchRows);
        _parallel = source.MaxDegreeOfParallelism is { } degree ? Math.Max(1, degree) : Environment.ProcessorCount + 1;
    }

    public List<ColumnStats> Columns { get; } = [];

    public string[]? Names { get; private set; }

    public int Rows { get; private set; }

    public long Bytes { get; private set; }

    public long? FileBytes { get; private set; }

    public bool ReadWholeFile { get; private set; }

    public bool Spread { get; private set; }

    public bool[] DeclaredOrders => _kinds.DeclaredOrders;

    /// <exception cref="SchemaException">The file has no header row.</exception>
    public void Read(string path, SchemaInferenceOptions options)
    {
        try
        {
            ReadRows(path, options);
        }
        finally
        {
            CountAll();
            while (_idleBatches.TryPop(out var batch))
            {
                batch.Release();
            }
        }
    }

    private void ReadRows(string path, SchemaInferenceOptions options)
    {
        var compression = _source.Compression ?? FileCompressions.FromPath(path);
        var plain = compression == FileCompression.None;
        FileBytes = plain ? new FileInfo(path).Length : null;
        using var stream = FileCompressions.OpenRead(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), compression, path);
        using var csv = CsvReader.Create(stream, ReaderOptions(_source.HasHeader), leaveOpen: true);
        Names = _source.HasHeader ? [.. csv.Headers] : null;
        if (Names is { Length: 0 })
        {
            throw new SchemaException("the file has no header row to name the columns", new DataLocation(path) { Line = 1 });
        }

        var size = options.FullScan ? int.MaxValue : Math.Max(1, options.SampleSize);
        var head = plain && !options.FullScan ? Math.Max(1, size / 2) : size;
        while (Rows < head && csv.Read())
        {
            AddRow(csv, Rows + 1, null);
        }

        if (Rows < head)
        {
            ReadWholeFile = true;
            return;
        }

        if (!plain)
        {
            ReadWholeFile = !csv.Read();
            return;
        }

        // A file not much longer than the sample is read on from where the head ends: seeking would only skip rows.
        var rest = size - Rows;
        var rowsLeft = (FileBytes!.Value - Bytes) / Math.Max(1.0, (double)Bytes / Rows);
        if (rowsLeft <= 2.0 * rest)
        {
            while (Rows < size && csv.Read())
            {
                AddRow(csv, Rows + 1, null);
            }

            ReadWholeFile = Rows < size || !csv.Read();
            return;
        }

        Spread = true;
        CountAll();
        ReadSpread(path, stream.Position, rest, Names?.Length ?? Columns.Count);
    }

    // Runs of rows from offsets spread evenly over the part of the file after the head, each starting at the first line
    // break after its offset; a run whose rows have another field count started inside a quoted field and is dropped.
    private void ReadSpread(string path, long after, int rows, int fieldCount)
    {
        var length = FileBytes!.Value;
        var perSegment = Math.Max(1, (rows + Segments - 1) / Segments);
        for (var segment = 0; segment < Segments && rows > 0 && after < length; segment++)
        {
            var offset = after + ((length - after) * segment / Segments);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            file.Seek(offset, SeekOrigin.Begin);
            var rowStart = SkipPastLineBreak(file);
            if (rowStart >= length)
            {
                break;
            }

            using var csv = CsvReader.Create(file, ReaderOptions(hasHeader: false), leaveOpen: true);
            for (var read = 0; read < perSegment && rows > 0 && csv.Read(); read++)
            {
                if (csv.FieldCount != fieldCount)
                {
                    break;
                }

                rowStart += AddRow(csv, null, rowStart);
                rows--;
            }
        }
    }

    // Queues one row for counting; returns its length in bytes as written (without quotes). Optimised at once: called per
    // row from the first one (CsvSampleBatch says why).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long AddRow(CsvReader csv, long? row, long? offset)
    {
        Rows++;
        _filling ??= _idleBatches.TryPop(out var idle) ? idle : new CsvSampleBatch();
        var bytes = _filling.Add(csv, row, offset);
        Bytes += bytes;
        if (_filling.Rows >= _batchRows)
        {
            Dispatch();
        }

        return bytes;
    }

    // Starts counting the filled batch; merges the oldest batches while too many are in flight (memory stays flat).
    private void Dispatch()
    {
        var batch = _filling!;
        _filling = null;
        if (_parallel == 1)
        {
            Merge(batch, _counter.Count(batch, _nullValues, _sentinels));
            return;
        }

        _counting.Enqueue(Task.Run(() =>
        {
            var counter = _idleCounters.TryTake(out var idle) ? idle : new Counter(new ValueKinds(_source));
            return (batch, counter, counter.Count(batch, _nullValues, _sentinels));
        }));
        while (_counting.Count > _parallel)
        {
            MergeOldest();
        }
    }

    // Counts every row read so far into Columns.
    private void CountAll()
    {
        if (_filling is { Rows: > 0 })
        {
            Dispatch();
        }

        while (_counting.Count > 0)
        {
            MergeOldest();
        }
    }

    private void MergeOldest()
    {
        var (batch, counter, columns) = _counting.Dequeue().GetAwaiter().GetResult();
        _idleCounters.Add(counter);
        Merge(batch, columns);
    }

    // Batches merge in file order: each column's counts, first-seen orders and first examples are those of one pass.
    private void Merge(CsvSampleBatch batch, List<ColumnStats> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i == Columns.Count)
            {
                Columns.Add(columns[i]);
            }
            else
            {
                Columns[i].Merge(columns[i]);
            }
        }

        batch.Clear();
        _idleBatches.Push(batch);
    }

    private static long SkipPastLineBreak(FileStream file)
    {
        int b;
        while ((b = file.ReadByte()) >= 0 && b != '\n')
        {
        }

        return file.Position;
    }

    private CsvReaderOptions ReaderOptions(bool hasHeader) => ReaderOptions(_source, hasHeader);

    /// <summary>The tokenizer's options for the file of <paramref name="source"/>: its separator, quoting and encoding; malformed rows skipped.</summary>
    public static CsvReaderOptions ReaderOptions(CsvSourceOptions source, bool hasHeader) => CsvReaderOptions.Default with
    {
        Separator = source.Delimiter,
        Quote = source.Quote,
        Mode = source.Escape is null ? CsvMode.Rfc4180 : CsvMode.Escape,
        Escape = source.Escape ?? '\\',
        HasHeader = hasHeader,
        Encoding = source.Encoding,
        TrimWhitespace = source.TrimWhitespace,
        MalformedData = CsvMalformedDataHandling.Skip,
        DetectSeparatorHint = false,
    };

    // What one thread counts batches with: a classifier and what each column's values seen count as.
    private sealed class Counter(ValueKinds kinds)
    {
        private readonly List<CountedValueCache> _caches = [];

        public List<ColumnStats> Count(CsvSampleBatch batch, HashSet<string> nullValues, bool sentinels) => batch.Count(kinds, _caches, nullValues, sentinels);
    }
}
