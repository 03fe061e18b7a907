using System.Runtime.ExceptionServices;

namespace AiEtl.Files;

/// <summary>A unit of compression handed to <see cref="CompressorThreads"/>, and what became of it.</summary>
internal sealed class CompressionJob(Action work) : IDisposable
{
    public Action Work { get; } = work;

    // Little spinning: the caller waits for a whole unit (milliseconds), and spinning takes a core from the compressor.
    public ManualResetEventSlim Done { get; } = new(false, spinCount: 1);

    public ExceptionDispatchInfo? Error { get; set; }

    public void Dispose() => Done.Dispose();
}
