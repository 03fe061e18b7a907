using System.Text;

namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// A pipeline's dead-letter file as it was at one moment: its path and how many bytes it had. Its lines are read one at
/// a time (<see cref="ReadLines()"/>), as often as needed, never all at once: a file of millions of entries costs a line
/// of memory. A rewrite carries over the bytes a run appended after that moment.
/// </summary>
internal sealed class DeadLetterFile
{
    private DeadLetterFile(string path, long length)
    {
        Path = path;
        Length = length;
    }

    public string Path { get; }

    /// <summary>The bytes of the file when it was opened; every read stops there.</summary>
    public long Length { get; }

    /// <summary>The file as it is now, or an empty one when it does not exist (no row was ever dead-lettered).</summary>
    public static DeadLetterFile Open(string path) => new(path, File.Exists(path) ? new FileInfo(path).Length : 0);

    /// <summary>The lines of the first <see cref="Length"/> bytes, in order, each parsed when it is an entry.</summary>
    public IEnumerable<DeadLetterLine> ReadLines()
    {
        if (Length == 0)
        {
            yield break;
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
        foreach (var line in ReadLines(stream, Length))
        {
            yield return line;
        }
    }

    /// <summary>
    /// Replaces the file with the lines <paramref name="rewrite"/> makes of its lines (read as they are written, from
    /// the handle that holds the file) and whatever was appended to it after it was opened, through a temporary file
    /// renamed over it: a crash leaves the old file or the new one, never a part. No line left: the file is deleted.
    /// </summary>
    /// <exception cref="IOException">A run of the pipeline has the file open to write to it.</exception>
    public void Rewrite(Func<IEnumerable<DeadLetterLine>, IEnumerable<string>> rewrite)
    {
        // Held exclusively until the rename: a run that opens the file to write meanwhile fails to, instead of
        // writing into the old file after it is replaced, where its entries would be lost. The lines are read through
        // this handle, as a second open would be refused too.
        using var current = OpenExclusive(Path);
        var temporary = Path + ".rewrite.tmp";
        long written = 0;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            var buffer = new byte[4096];
            foreach (var line in rewrite(current is null ? [] : ReadLines(current, Length)))
            {
                var count = Encoding.UTF8.GetMaxByteCount(line.Length + 1);
                if (count > buffer.Length)
                {
                    buffer = new byte[count];
                }

                var bytes = Encoding.UTF8.GetBytes(line, buffer);
                buffer[bytes++] = (byte)'\n';
                output.Write(buffer, 0, bytes);
                written += bytes;
            }

            written += CopyAppended(current, output);
            output.Flush(flushToDisk: true);
        }

        if (written == 0)
        {
            File.Delete(temporary);
            File.Delete(Path);
            return;
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Why the file cannot be rewritten now (a run of the pipeline is writing to it), or <see langword="null"/>.</summary>
    public static string? BeingWritten(string path)
    {
        try
        {
            using var probe = OpenExclusive(path);
            return null;
        }
        catch (IOException error)
        {
            return "a run of the pipeline is writing to the dead-letter file (" + error.Message + "); replay once it has ended";
        }
    }

    // A writer (the engine's DeadLetterWriter) holds the file shared; an exclusive open fails while it does.
    private static FileStream? OpenExclusive(string path) =>
        File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None) : null;

    // The lines of the first length bytes of stream, from its start; the stream stays open.
    private static IEnumerable<DeadLetterLine> ReadLines(FileStream stream, long length)
    {
        stream.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(new BoundedReadStream(stream, length), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 64 * 1024);
        long number = 0;
        while (ReadLine(reader) is { } line)
        {
            number++;
            yield return new DeadLetterLine(number, line, DeadLetterEntry.Parse(number, line));
        }
    }

    // A line ends at '\n' only (a '\r' before it is dropped), as the engine writes them.
    private static string? ReadLine(StreamReader reader)
    {
        var text = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0 && c != '\n')
        {
            text.Append((char)c);
        }

        if (c < 0 && text.Length == 0)
        {
            return null;
        }

        return text.ToString().TrimEnd('\r');
    }

    // A run of the pipeline may have appended entries since the file was opened: they stay.
    private long CopyAppended(FileStream? current, FileStream output)
    {
        if (current is null || current.Length <= Length)
        {
            return 0;
        }

        current.Seek(Length, SeekOrigin.Begin);
        var start = output.Position;
        current.CopyTo(output);
        return output.Position - start;
    }
}
