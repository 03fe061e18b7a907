namespace AiEtl.Configuration.Tests;

/// <summary>
/// Compares a generated file with the one checked in. With AIETL_ACCEPT_SNAPSHOTS=1 the checked-in file is rewritten
/// instead (then review the diff and commit it), as Verify's accept switch does.
/// </summary>
internal static class Snapshot
{
    public static void Match(string relativePath, string generated)
    {
        var path = RepoPaths.InRoot(relativePath);
        if (Environment.GetEnvironmentVariable("AIETL_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }

        Assert.True(File.Exists(path), relativePath + " does not exist; run the tests with AIETL_ACCEPT_SNAPSHOTS=1 to write it");
        var checkedIn = File.ReadAllText(path);
        Assert.True(checkedIn == generated, relativePath + " differs from what the catalog generates; run the tests with AIETL_ACCEPT_SNAPSHOTS=1 and commit the result");
    }
}
