using System.IO.Compression;

namespace AiEtl;

/// <summary>The stream rows are written to: the temp file itself, or a compressor over it.</summary>
internal sealed class CompressedSink : IDisposable
{
    private readonly ZipArchive? _archive;
    private bool _finished;

    public CompressedSink(Stream stream, ZipArchive? archive = null)
    {
        Stream = stream;
        _archive = archive;
    }

    public Stream Stream { get; }

    /// <summary>Ends the compressed stream (trailer, central directory); the file stream stays open.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        Stream.Dispose();
        _archive?.Dispose();
    }

    public void Dispose()
    {
        try
        {
            Finish();
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Disposed after a failure: the temp file is deleted anyway.
        }
    }
}
