using System.IO.Compression;
using System.Runtime.CompilerServices;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;
using SharpCompressMode = SharpCompress.Compressors.CompressionMode;

namespace AiEtl;

/// <summary>Compression by file extension, and the readers and writers of each format.</summary>
internal static class FileCompressions
{
    /// <summary>The compression a file name implies: <c>.gz</c>, <c>.zip</c>, <c>.bz2</c>, <c>.xz</c>, <c>.zst</c>, else none.</summary>
    public static FileCompression FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".gz" or ".gzip" => FileCompression.Gzip,
        ".zip" => FileCompression.Zip,
        ".bz2" => FileCompression.Bzip2,
        ".xz" => FileCompression.Xz,
        ".zst" or ".zstd" => FileCompression.Zstd,
        _ => FileCompression.None,
    };

    /// <summary>The file name without its compression extension (<c>a.csv.gz</c> gives <c>a.csv</c>).</summary>
    public static string InnerName(string path, FileCompression compression)
    {
        var name = Path.GetFileName(path);
        return compression != FileCompression.None && FromPath(name) == compression ? Path.GetFileNameWithoutExtension(name) : name;
    }

    /// <summary>Refuses a format that cannot be written here, with the reason.</summary>
    public static void EnsureWritable(FileCompression compression, string path)
    {
        if (compression == FileCompression.Xz)
        {
            throw new PipelineConfigurationException(
                "xz compression cannot be written: no maintained .NET library writes xz here (SharpCompress only reads it, Joveler.Compression.XZ does not restore); use zstd, bz2 or gzip",
                new DataLocation(path));
        }
    }

    /// <summary>Opens a decompressing reader over <paramref name="raw"/>; concatenated members are read as one stream.</summary>
    public static Stream OpenRead(Stream raw, FileCompression compression, string path) =>
        compression == FileCompression.None ? raw : OpenDecompressing(raw, compression, path);

    // A method of its own, so that an uncompressed file does not load SharpCompress and ZstdSharp to compile the switch.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Stream OpenDecompressing(Stream raw, FileCompression compression, string path)
    {
        switch (compression)
        {
            case FileCompression.Gzip:
                return new GZipStream(raw, CompressionMode.Decompress);
            case FileCompression.Bzip2:
                return BZip2Stream.Create(raw, SharpCompressMode.Decompress, decompressConcatenated: true, leaveOpen: false, tolerateTruncatedStream: false);
            case FileCompression.Xz:
                return new OwningStream(new XZStream(raw), raw);
            case FileCompression.Zstd:
                return new ZstdSharp.DecompressionStream(raw, leaveOpen: false);
            case FileCompression.Zip:
                var archive = new ZipArchive(raw, ZipArchiveMode.Read);
                if (archive.Entries.Count != 1)
                {
                    archive.Dispose();
                    throw new ReadException($"the zip archive has {archive.Entries.Count} entries; one is expected", new DataLocation(path));
                }

                return new OwningStream(archive.Entries[0].Open(), archive);
            default:
                return raw;
        }
    }

    /// <summary>Starts a compressed stream (a new member, stream or frame) at the current end of <paramref name="raw"/>.</summary>
    public static CompressedSink OpenWrite(Stream raw, FileCompression compression, CompressionLevel level, string entryName) => compression switch
    {
        FileCompression.Gzip => new CompressedSink(new GZipStream(raw, level, leaveOpen: true)),
        FileCompression.Bzip2 => new CompressedSink(BZip2Stream.Create(raw, SharpCompressMode.Compress, decompressConcatenated: false, leaveOpen: true, tolerateTruncatedStream: false)),
        FileCompression.Zstd => new CompressedSink(new ZstdSharp.CompressionStream(raw, ZstdLevel(level), leaveOpen: true)),
        FileCompression.Zip => OpenZip(raw, entryName, level),
        FileCompression.Xz => throw new InvalidOperationException("xz cannot be written"),
        _ => new CompressedSink(new NonClosingStream(raw)),
    };

    // On the 122 MB customer file (ZstdSharp): level 1 gives 39 MB at about gzip Fastest's speed (which gives 55 MB);
    // zstd's own default, 3, gives 37 MB in 1.5 times that; 19 is the slowest level worth having.
    private static int ZstdLevel(CompressionLevel level) => level switch
    {
        CompressionLevel.Optimal => 3,
        CompressionLevel.SmallestSize => 19,
        _ => 1,
    };

    private static CompressedSink OpenZip(Stream raw, string entryName, CompressionLevel level)
    {
        var archive = new ZipArchive(raw, ZipArchiveMode.Create, leaveOpen: true);
        var entry = archive.CreateEntry(entryName, level);
        return new CompressedSink(entry.Open(), archive);
    }
}
