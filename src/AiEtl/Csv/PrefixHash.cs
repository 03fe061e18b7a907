using System.Security.Cryptography;

namespace AiEtl.Csv;

/// <summary>
/// The SHA-256 of a file's first bytes, grown as reading advances (each byte is hashed once), written
/// as the state's <c>file_hash</c> (<c>sha256:&lt;hex&gt;</c>) so a rewritten file is detected on resume.
/// </summary>
internal sealed class PrefixHash : IDisposable
{
    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _hashed;

    public PrefixHash(string path)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        FileLength = _file.Length;
    }

    public long FileLength { get; }

    /// <summary>The hash of the first <paramref name="offset"/> bytes; offsets only grow.</summary>
    public string HashUpTo(long offset)
    {
        while (_hashed < offset)
        {
            var read = _file.Read(_buffer, 0, (int)Math.Min(_buffer.Length, offset - _hashed));
            if (read == 0)
            {
                break;
            }

            _hash.AppendData(_buffer, 0, read);
            _hashed += read;
        }

        return $"sha256:{Convert.ToHexStringLower(_hash.GetCurrentHash())}";
    }

    public void Dispose()
    {
        _file.Dispose();
        _hash.Dispose();
    }
}
