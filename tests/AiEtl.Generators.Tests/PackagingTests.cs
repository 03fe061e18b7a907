using System.Reflection;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The generator's dependencies reach a consumer: this project references the generator the way a consumer in
/// the repository does (<c>OutputItemType="Analyzer"</c>), and its build records the analyzer files the compiler got.
/// </summary>
public sealed class PackagingTests
{
    [Fact]
    public void YamlDotNet_and_the_configuration_model_are_passed_to_the_compiler_beside_the_generator()
    {
        var analyzers = typeof(PackagingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "AiEtl.Generators.Tests.Analyzers")
            .Value!
            .Split(';');

        Assert.Contains("AiEtl.Generators.dll", analyzers);
        Assert.Contains("YamlDotNet.dll", analyzers);
        Assert.Contains("AiEtl.Configuration.dll", analyzers);
    }

    [Fact]
    public void Generator_targets_netstandard2_0_and_references_no_newer_roslyn_than_the_sdk_loads()
    {
        var generator = typeof(EtlRecordGenerator).Assembly;
        var framework = generator.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>();
        var roslyn = generator.GetReferencedAssemblies().Single(name => name.Name == "Microsoft.CodeAnalysis");

        Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
        Assert.True(roslyn.Version <= new Version(4, 14, 0, 0), $"Microsoft.CodeAnalysis {roslyn.Version} is newer than 4.14.");
    }
}
