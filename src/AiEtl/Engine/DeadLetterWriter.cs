using System.Buffers;
using System.ComponentModel;
using System.IO.Hashing;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiEtl.Internal;

/// <summary>
/// Appends failed rows to a JSONL dead-letter file, one object a line, with the reason, the stage, the
/// location and the raw input needed to replay the row. The file is created on the first row only. Each entry
/// carries a stable <c>entry_id</c> (a hash of the pipeline, the stage, the location and the raw input), and an
/// entry whose id the file already holds is not written again: a run that resumes after a kill re-reads the rows
/// after its last commit, and their rejections are in the file once, not twice.
/// </summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeadLetterWriter : IAsyncDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _pipelineId;

    // Sources report bad rows on the extract thread while the load thread flushes at each commit: a FileStream is not thread-safe.
    private readonly Lock _gate = new();
    private FileStream? _stream;
    private Utf8JsonWriter? _writer;
    private readonly ArrayBufferWriter<byte> _entry = new();
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    /// <summary>Creates a writer for <paramref name="path"/>.</summary>
    public DeadLetterWriter(string path, string pipelineId)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _pipelineId = pipelineId;
    }

    /// <summary>The dead-letter file.</summary>
    public string Path { get; }

    /// <summary>How many rows were written.</summary>
    public long Count { get; private set; }

    /// <summary>Appends one failed row.</summary>
    public void Write(RowError error, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_gate)
        {
            WriteEntry(error, timestamp);
        }
    }

    private void WriteEntry(RowError error, DateTimeOffset timestamp)
    {
        var writer = Open();
        var id = EntryId(error);
        Count++;
        if (!_written.Add(id))
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("entry_id", id);
        writer.WriteString("timestamp", timestamp);
        writer.WriteString("pipeline_id", _pipelineId);
        writer.WriteString("stage", error.Stage.ToString().ToLowerInvariant());
        writer.WriteString("error_type", error.Exception?.GetType().Name ?? "RowError");
        writer.WriteString("message", error.FullMessage);
        if (error.RecordId is { } recordId)
        {
            writer.WriteString("record_id", recordId);
        }

        if (error.Location is { } location)
        {
            writer.WriteStartObject("location");
            writer.WriteString("source", location.Source);
            WriteIfSet(writer, "line", location.Line);
            WriteIfSet(writer, "column", location.Column);
            if (location.ColumnName is { } name)
            {
                writer.WriteString("column_name", name);
            }

            WriteIfSet(writer, "row", location.Row);
            WriteIfSet(writer, "byte_offset", location.ByteOffset);
            writer.WriteEndObject();
        }

        if (error.RawInput is { } raw)
        {
            writer.WriteString("raw", raw);
        }

        writer.WriteEndObject();
        writer.Flush();
        _entry.Write("\n"u8);

        // One write call per entry, newline included, into an unbuffered append-only file: a killed process leaves
        // whole entries or none, never half a line for the next run to append to.
        _stream!.Write(_entry.WrittenSpan);
        _entry.ResetWrittenCount();
        writer.Reset(_entry);
    }

    // The same rejected input at the same place gets the same id in every run.
    private string EntryId(RowError error)
    {
        var text = new StringBuilder()
            .Append(_pipelineId).Append('\u001f').Append(error.Stage).Append('\u001f')
            .Append(error.Location?.Source).Append('\u001f').Append(error.Location?.Line).Append('\u001f')
            .Append(error.Location?.Row).Append('\u001f').Append(error.Location?.ByteOffset).Append('\u001f')
            .Append(error.Location?.ColumnName).Append('\u001f').Append(error.RecordId).Append('\u001f')
            .Append(error.RawInput ?? (error.Location is null ? error.Message : null));
        return Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Makes the rows written so far durable; called before a checkpoint is saved.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _stream?.Flush(flushToDisk: true);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Utf8JsonWriter Open()
    {
        if (_writer is null)
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            Directory.CreateDirectory(directory!);
            _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            EndTornLine(_stream);
            ReadWrittenIds();
            _writer = new Utf8JsonWriter(_entry, WriterOptions);
        }

        return _writer;
    }

    // A file whose last line has no newline (written by a process killed mid-line before entries were written whole)
    // gets one, so the next entry starts a line of its own and stays readable.
    private void EndTornLine(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return;
        }

        using var read = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        read.Seek(-1, SeekOrigin.End);
        if (read.ReadByte() != '\n')
        {
            stream.Write("\n"u8);
        }
    }

    // The ids of the entries already in the file (earlier runs'), so none is written twice.
    private void ReadWrittenIds()
    {
        if (_stream!.Length == 0)
        {
            return;
        }

        using var read = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var lines = new StreamReader(read, Encoding.UTF8);
        while (lines.ReadLine() is { } line)
        {
            const string Marker = "{\"entry_id\":\"";
            if (line.StartsWith(Marker, StringComparison.Ordinal) && line.IndexOf('"', Marker.Length) is var end and > 0)
            {
                _written.Add(line[Marker.Length..end]);
            }
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
