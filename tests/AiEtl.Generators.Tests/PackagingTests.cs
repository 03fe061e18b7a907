using System.Reflection;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The generator's dependencies reach a consumer: this project references the generator the way a consumer in
/// the repository does (<c>OutputItemType="Analyzer"</c>), and its build records the analyzer files the compiler got.
/// </summary>
public sealed class PackagingTests
{
    [Fact]
    public void YamlDotNetIsPassedToTheCompilerBesideTheGenerator()
    {
        var analyzers = typeof(PackagingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "AiEtl.Generators.Tests.Analyzers")
            .Value!
            .Split(';');

        Assert.Contains("AiEtl.Generators.dll", analyzers);
        Assert.Contains("YamlDotNet.dll", analyzers);
    }

    [Fact]
    public void GeneratorTargetsNetStandard20AndReferencesNoNewerRoslynThanTheSdkLoads()
    {
        var generator = typeof(EtlRecordGenerator).Assembly;
        var framework = generator.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>();
        var roslyn = generator.GetReferencedAssemblies().Single(name => name.Name == "Microsoft.CodeAnalysis");

        Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
        Assert.True(roslyn.Version <= new Version(4, 14, 0, 0), $"Microsoft.CodeAnalysis {roslyn.Version} is newer than 4.14.");
    }
}
