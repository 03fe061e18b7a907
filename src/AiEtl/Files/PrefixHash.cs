using System.IO.Hashing;
using System.Security.Cryptography;

namespace AiEtl;

/// <summary>
/// The hash of a file's first bytes, grown as reading advances (each byte is hashed once), written
/// as the state's <c>file_hash</c> (<c>xxh128:&lt;hex&gt;</c>) so a rewritten file is detected on resume.
/// For a compressed file the bytes are those of its content, read through a decompressor of its own.
/// XXH128 is not cryptographic: it detects a file replaced or edited in place, not one forged to collide,
/// and it runs at memory speed where SHA-256 took a tenth of a large CSV read. A state saved with a
/// <c>sha256:</c> hash (by an earlier version) is still checked with SHA-256.
/// </summary>
internal sealed class PrefixHash : IDisposable
{
    private const string Prefix = "xxh128:";
    private const string LegacyPrefix = "sha256:";
    private readonly FileStream _file;
    private readonly Stream _content;
    private readonly XxHash128 _hash = new();
    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _hashed;

    /// <param name="path">The file.</param>
    /// <param name="compression">Its compression: the hash covers the decompressed content.</param>
    /// <param name="displayPath">The path for messages.</param>
    public PrefixHash(string path, FileCompression compression, string displayPath)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: compression == FileCompression.None ? 1 : 64 * 1024, FileOptions.SequentialScan);
        _content = compression == FileCompression.None ? _file : FileCompressions.OpenRead(_file, compression, displayPath);
        ContentLength = compression == FileCompression.None ? _file.Length : null;
    }

    /// <summary>The length of the content when it is known without reading it (an uncompressed file).</summary>
    public long? ContentLength { get; }

    /// <summary>The hash of the first <paramref name="offset"/> bytes; offsets only grow.</summary>
    public string HashUpTo(long offset)
    {
        while (_hashed < offset)
        {
            var read = _content.Read(_buffer, 0, (int)Math.Min(_buffer.Length, offset - _hashed));
            if (read == 0)
            {
                break;
            }

            _hash.Append(_buffer.AsSpan(0, read));
            _hashed += read;
        }

        return $"{Prefix}{Convert.ToHexStringLower(_hash.GetCurrentHash())}";
    }

    /// <summary>
    /// Checks that the first <paramref name="offset"/> bytes are those read last time (their hash was
    /// saved as <paramref name="savedHash"/>): a file rewritten in place would otherwise resume mid-way
    /// through other data. Leaves the hash at <paramref name="offset"/>, ready to grow.
    /// </summary>
    /// <exception cref="StateException">The file is shorter than the offset, or its prefix changed.</exception>
    public void CheckUnchanged(long offset, string? savedHash, string displayPath)
    {
        var current = HashUpTo(offset);
        if (offset > (ContentLength ?? _hashed))
        {
            throw new StateException(
                $"the saved checkpoint is at byte {offset} but the file has only {ContentLength ?? _hashed} bytes{(ContentLength is null ? " of content" : "")}: it was truncated or replaced; run with a full refresh",
                new DataLocation(displayPath));
        }

        var hash = savedHash is not null && savedHash.StartsWith(LegacyPrefix, StringComparison.OrdinalIgnoreCase) ? LegacyHash(offset) : current;
        if (savedHash is not null && !string.Equals(savedHash, hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new StateException(
                $"the file was rewritten since the last run: its first {offset} bytes no longer match the saved hash ({savedHash}, now {hash}); run with a full refresh to read it again",
                new DataLocation(displayPath));
        }
    }

    public void Dispose()
    {
        _content.Dispose();
        _file.Dispose();
    }

    // The SHA-256 of the first bytes, read apart from the running hash (and its position), for a state saved before XXH128.
    private string LegacyHash(long offset)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var position = _file.Position;
        _file.Position = 0;
        for (var done = 0L; done < offset;)
        {
            var read = _file.Read(_buffer, 0, (int)Math.Min(_buffer.Length, offset - done));
            if (read == 0)
            {
                break;
            }

            sha.AppendData(_buffer, 0, read);
            done += read;
        }

        _file.Position = position;
        return $"{LegacyPrefix}{Convert.ToHexStringLower(sha.GetCurrentHash())}";
    }
}
