namespace AiEtl.Json;

/// <summary>A growable window over a stream: bytes [Start, End) are read and not yet consumed.</summary>
internal sealed class ChunkBuffer(Stream input)
{
    private const int InitialSize = 64 * 1024;

    public byte[] Bytes { get; private set; } = new byte[InitialSize];

    public int Start { get; set; }

    public int End { get; private set; }

    public bool Eof { get; private set; }

    public ReadOnlySpan<byte> Available => Bytes.AsSpan(Start, End - Start);

    /// <summary>Reads more input, moving the unconsumed bytes to the front and growing when they fill the buffer.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (Eof)
        {
            return false;
        }

        if (Start > 0)
        {
            Bytes.AsSpan(Start, End - Start).CopyTo(Bytes);
            End -= Start;
            Start = 0;
        }

        if (End == Bytes.Length)
        {
            var larger = new byte[Bytes.Length * 2];
            Bytes.AsSpan(0, End).CopyTo(larger);
            Bytes = larger;
        }

        var read = await input.ReadAsync(Bytes.AsMemory(End), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            Eof = true;
            return false;
        }

        End += read;
        return true;
    }
}
