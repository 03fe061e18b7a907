using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace AiEtl.Files;

/// <summary>
/// A few long-lived threads (one per core) that compress the units of the file destinations; the caller (a
/// thread pool thread encoding a batch) waits for its unit. Why not compress on the caller: gzip allocates
/// its native deflate state (about 0.5 MB) for each unit and frees it after, and glibc keeps such freed
/// blocks in the heap of every thread that used one (its mmap threshold rises after the first one), so
/// compressing on whichever pool thread runs the batch kept about 2 MB of native memory per pool thread
/// (+12 MB peak in the 1M-row benchmark). A fixed set of threads bounds that to one or two blocks per core.
/// </summary>
internal static class CompressorThreads
{
    private static readonly BlockingCollection<CompressionJob> Queue = Start();

    [ThreadStatic]
    private static bool _isCompressor;

    /// <summary>Runs <paramref name="work"/> on a compressor thread and waits for it; rethrows what it threw.</summary>
    public static void Run(Action work)
    {
        if (_isCompressor)
        {
            work();
            return;
        }

        using var job = new CompressionJob(work);
        Queue.Add(job);
        job.Done.Wait();
        job.Error?.Throw();
    }

    private static BlockingCollection<CompressionJob> Start()
    {
        var queue = new BlockingCollection<CompressionJob>();
        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            new Thread(() => Work(queue)) { IsBackground = true, Name = "AiEtl compressor" }.Start();
        }

        return queue;
    }

    private static void Work(BlockingCollection<CompressionJob> queue)
    {
        _isCompressor = true;
        foreach (var job in queue.GetConsumingEnumerable())
        {
            try
            {
                job.Work();
            }
            catch (Exception error)
            {
                job.Error = ExceptionDispatchInfo.Capture(error);
            }
            finally
            {
                job.Done.Set();
            }
        }
    }
}
