using System.Runtime.InteropServices;

namespace AiEtl.Packaging.Tests;

/// <summary>
/// The in-repository form: <c>dotnet publish -p:PublishAot=true</c> of a program that references the generator project
/// makes PublishAot a global property, and restore passes it to every referenced project. The netstandard2.0 generator
/// and AiEtl.Configuration keep it local (TreatAsLocalProperty), so restore, where NETSDK1207 used to stop the publish,
/// goes through. The restore writes into its own artifacts folder, so nothing the other tests build is touched.
/// </summary>
public sealed class ProjectReferenceAotTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("aietl-aot-restore-").FullName;

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    [Fact]
    public async Task The_quickstart_restores_for_native_aot_with_PublishAot_given_on_the_command_line()
    {
        var restore = await Dotnet.RunAsync(
            RepositoryPaths.Root,
            new Dictionary<string, string>(),
            "restore",
            Path.Combine(RepositoryPaths.Root, "samples", "QuickStart", "QuickStart.csproj"),
            "-r",
            RuntimeInformation.RuntimeIdentifier,
            "-p:PublishAot=true",
            "-p:UseArtifactsOutput=true",
            $"-p:ArtifactsPath={_artifacts}");

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.DoesNotContain("NETSDK1207", restore.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(_artifacts, "obj", "AiEtl.Generators")), $"the restore did not reach the generator: {restore}");
    }
}
