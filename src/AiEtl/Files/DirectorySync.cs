using System.Runtime.InteropServices;
using System.Text;

namespace AiEtl;

/// <summary>
/// Makes a rename durable. Renaming a synced temp file over a target replaces it atomically, but on Linux and macOS
/// the new directory entry reaches the disk only when the directory itself is synced: a power cut before that can
/// bring back the old file (or no file). .NET cannot open a directory, so the directory is opened and synced through
/// libc. Windows journals the rename with the file system's metadata, so there is nothing to do there.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>Syncs the directory that holds <paramref name="path"/>, after a file was renamed into it.</summary>
    /// <exception cref="IOException">The directory cannot be opened or synced.</exception>
    public static void AfterRename(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var fd = Open([.. Encoding.UTF8.GetBytes(directory), 0], ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"cannot open the directory '{directory}' to sync it: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"cannot sync the directory '{directory}': {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport, not LibraryImport: its generated marshalling would need unsafe code in the whole assembly for three calls.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
