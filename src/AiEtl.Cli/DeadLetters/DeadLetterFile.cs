using System.Text;

namespace AiEtl.Cli.DeadLetters;

/// <summary>
/// A pipeline's dead-letter file as read at one moment: its lines (an entry each, or a line that is none, kept as it
/// is) and how many bytes they were, so a rewrite carries over the entries a run appended since.
/// </summary>
internal sealed class DeadLetterFile
{
    private DeadLetterFile(string path, IReadOnlyList<string> lines, IReadOnlyList<DeadLetterEntry> entries, long length)
    {
        Path = path;
        Lines = lines;
        Entries = entries;
        Length = length;
    }

    public string Path { get; }

    /// <summary>Every line, in order, without its newline.</summary>
    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<DeadLetterEntry> Entries { get; }

    /// <summary>Lines that are not entries (torn by a kill before entries were written whole, or written by hand).</summary>
    public int UnreadableLines => Lines.Count(l => l.Length > 0) - Entries.Count;

    /// <summary>The bytes read.</summary>
    public long Length { get; }

    /// <summary>The file, or an empty one when it does not exist (no row was ever dead-lettered).</summary>
    public static DeadLetterFile Read(string path)
    {
        if (!File.Exists(path))
        {
            return new DeadLetterFile(path, [], [], 0);
        }

        var bytes = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var entries = new List<DeadLetterEntry>();
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
            if (DeadLetterEntry.Parse(i + 1, lines[i]) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return new DeadLetterFile(path, lines, entries, bytes.Length);
    }

    /// <summary>
    /// Replaces the file with <paramref name="lines"/> and whatever was appended to it after it was read, through a
    /// temporary file renamed over it: a crash leaves the old file or the new one, never a part. No line left: the
    /// file is deleted.
    /// </summary>
    /// <exception cref="IOException">A run of the pipeline has the file open to write to it.</exception>
    public void Rewrite(IEnumerable<string> lines)
    {
        // Held exclusively until the rename: a run that opens the file to write meanwhile fails to, instead of
        // writing into the old file after it is replaced, where its entries would be lost.
        using var current = OpenExclusive(Path);
        var temporary = Path + ".rewrite.tmp";
        long written = 0;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var line in lines)
            {
                var bytes = Encoding.UTF8.GetBytes(line + "\n");
                output.Write(bytes);
                written += bytes.Length;
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

    // A run of the pipeline may have appended entries since the file was read: they stay.
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
