namespace AiEtl.Packaging.Tests;

/// <summary>The test classes that share one pack and one consumer package folder, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "packages";
}
