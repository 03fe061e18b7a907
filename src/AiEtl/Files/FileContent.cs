namespace AiEtl;

/// <summary>
/// Opens the content of an input file at an offset, for sources that resume where the last run stopped. The offset
/// is in the content: for a compressed file, in its decompressed bytes (decompressors cannot seek), so the file is
/// decompressed from its start and the bytes before the offset are skipped.
/// </summary>
internal static class FileContent
{
    private const int SkipBuffer = 64 * 1024;

    /// <summary>The content from byte <paramref name="offset"/> on; the stream's <c>Position</c> is the offset in the content.</summary>
    /// <exception cref="StateException">The content is shorter than <paramref name="offset"/>: the file was truncated or replaced.</exception>
    public static Stream OpenAt(string file, string displayPath, long offset, FileCompression compression, FileOptions options)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: compression == FileCompression.None ? 1 : 64 * 1024, options);
        if (compression == FileCompression.None)
        {
            if (offset > stream.Length)
            {
                var length = stream.Length;
                stream.Dispose();
                throw TruncatedAt(offset, length, displayPath);
            }

            stream.Position = offset;
            return stream;
        }

        var content = new CountingReadStream(FileCompressions.OpenRead(stream, compression, displayPath), start: 0);
        var skip = new byte[SkipBuffer];
        while (content.Position < offset)
        {
            if (content.Read(skip, 0, (int)Math.Min(skip.Length, offset - content.Position)) == 0)
            {
                var length = content.Position;
                content.Dispose();
                throw TruncatedAt(offset, length, displayPath);
            }
        }

        return content;
    }

    private static StateException TruncatedAt(long offset, long length, string displayPath) => new(
        $"the saved checkpoint is at byte {offset} but the file has only {length} bytes: it was truncated or replaced; run with a full refresh",
        new DataLocation(displayPath));
}
