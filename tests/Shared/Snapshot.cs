using System.Reflection;

namespace AiEtl.Testing;

/// <summary>
/// Compares text with a committed snapshot, keeping Verify's file convention so that a later switch to Verify
/// is mechanical: <c>Snapshots/&lt;TestClass&gt;.&lt;TestName&gt;[.&lt;case&gt;].verified.&lt;ext&gt;</c> beside the tests.
/// On a mismatch the text is written to <c>*.received.*</c> (ignored by git) and the test fails with a diff hint;
/// with <c>AIETL_ACCEPT_SNAPSHOTS=1</c> the verified file is overwritten instead. Shared by the test projects
/// (linked from tests/Shared), each of which records its directory as the assembly metadata <c>ProjectDirectory</c>.
/// </summary>
internal static class Snapshot
{
    /// <summary>The environment variable that accepts received snapshots.</summary>
    public const string AcceptVariable = "AIETL_ACCEPT_SNAPSHOTS";

    /// <summary>Fails unless <paramref name="actual"/> matches the current test's verified snapshot (line endings aside).</summary>
    /// <param name="actual">The text to compare.</param>
    /// <param name="extension">The snapshot file's extension, which lets an editor colour it.</param>
    /// <param name="caseName">Tells the snapshots of one theory's cases apart.</param>
    public static void Match(string actual, string extension = "cs", string? caseName = null)
    {
        var context = TestContext.Current;
        var testClass = context.TestClass?.TestClassSimpleName ?? throw new InvalidOperationException("Snapshot.Match needs a running test.");
        var testName = context.TestMethod?.MethodName ?? throw new InvalidOperationException("Snapshot.Match needs a running test.");
        var directory = Path.Combine(ProjectDirectory(), "Snapshots");
        var baseName = caseName is null ? $"{testClass}.{testName}" : $"{testClass}.{testName}.{caseName}";
        var verifiedPath = Path.Combine(directory, $"{baseName}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{baseName}.received.{extension}");
        actual = Normalize(actual);

        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(
            (verified is null ? $"No verified snapshot {verifiedPath}." : $"The text differs from {verifiedPath}{FirstDifference(verified, actual)}")
            + $"\nReceived: {receivedPath}\nCompare:  diff -u '{verifiedPath}' '{receivedPath}'"
            + $"\nAccept:   {AcceptVariable}=1 dotnet test --project tests/{Path.GetFileName(ProjectDirectory())}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    /// <summary>Where two texts first differ, as <c> at line N:</c> and the two lines; empty when they are equal.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expectedLine = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var actualLine = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (expectedLine != actualLine)
            {
                return $" at line {i + 1}:\n  verified: {expectedLine}\n  received: {actualLine}";
            }
        }

        return string.Empty;
    }

    /// <summary>The test project's directory, recorded at build time (see the .csproj).</summary>
    private static string ProjectDirectory()
    {
        return typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ProjectDirectory")
            .Value!;
    }
}
