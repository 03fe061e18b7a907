using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AiEtl;

/// <summary>
/// Starts the disk writes of a temp file while it is still being written, so that the fsync that publishes it waits
/// for the last few megabytes instead of the whole file (a 229 MB file: 85 ms -> 3 ms). Linux only
/// (<c>sync_file_range</c>, which queues the writes and returns); elsewhere the fsync does all the work as before.
/// No guarantee changes: durability still comes from the fsync before the rename.
/// </summary>
internal sealed class EarlyWriteback(SafeFileHandle file)
{
    private const long Interval = 8L << 20;
    private const int SyncFileRangeWrite = 2;

    private static bool s_unavailable = !OperatingSystem.IsLinux();
    private long _startedAt;

    /// <summary>Called after bytes reached the file; starts writing back every <see cref="Interval"/> bytes.</summary>
    /// <param name="length">The file's length now.</param>
    public void Grew(long length)
    {
        if (length - _startedAt < Interval || s_unavailable)
        {
            return;
        }

        _startedAt = length;
        try
        {
            // Offset 0 and length 0: every dirty page of the file; pages already on their way are skipped. A failure
            // is left to the fsync, which reports write errors for the whole file.
            _ = SyncFileRange(file, 0, 0, SyncFileRangeWrite);
        }
        catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
        {
            s_unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static extern int SyncFileRange(SafeFileHandle fd, long offset, long count, int flags);
}
