
namespace AiEtl.Tests.Files;

/// <summary>The directory of a renamed file is synced through libc, and a failure says which directory.</summary>
public sealed class DirectorySyncTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-dirsync-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_directory_of_a_renamed_file_is_synced()
    {
        var path = Path.Combine(_directory, "published.csv");
        File.WriteAllText(path + ".tmp", "id\n1\n");
        File.Move(path + ".tmp", path);

        DirectorySync.AfterRename(path);

        Assert.Equal("id\n1\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_directory_that_cannot_be_opened_is_an_io_error_naming_it()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "directories are synced on Unix only");
        var missing = Path.Combine(_directory, "gone", "file.csv");

        var error = Assert.Throws<IOException>(() => DirectorySync.AfterRename(missing));

        Assert.Contains($"cannot open the directory '{Path.Combine(_directory, "gone")}'", error.Message, StringComparison.Ordinal);
    }
}
