using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace AiEtl.Internal;

/// <summary>
/// A batch of rows in a destination's stored form (the bytes of a file), formatted ahead of loading by
/// <see cref="IEncodingDestination{T}.Encode"/>. The bytes live in a pooled buffer that goes back to the
/// pool on <see cref="Dispose"/>.
/// </summary>
/// <remarks>For AiEtl's adapters and generated code, which is why it is public; it is not part of the supported API and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EncodedRows : IBufferWriter<byte>, IDisposable
{
    private const int MinimumGrowth = 4096;
    private byte[] _buffer;

    /// <summary>Creates an empty buffer for <paramref name="count"/> rows, of about <paramref name="sizeHint"/> bytes.</summary>
    public EncodedRows(int count, int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, MinimumGrowth));
    }

    /// <summary>How many rows the bytes hold.</summary>
    public int Count { get; }

    /// <summary>How many bytes were written.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>The bytes written, for asynchronous writers.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - Length);
        Length += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(Length);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(Length);
    }

    /// <summary>Returns the buffer to the pool; the bytes must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            Length = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - Length >= needed)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + Math.Max(needed, MinimumGrowth)));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
