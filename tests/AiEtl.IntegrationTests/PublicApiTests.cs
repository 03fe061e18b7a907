using System.Reflection;
using AiEtl.Postgres;
using AiEtl.Sqlite;
using PublicApiGenerator;

namespace AiEtl.IntegrationTests;

/// <summary>
/// The public API of each shipped assembly, written out and compared with a committed file
/// (<c>Snapshots/PublicApiTests.Matches_the_committed_api.&lt;assembly&gt;.verified.txt</c>), so every change of the
/// surface a user meets is a diff someone reviewed. Accept an intended change with <c>AIETL_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies => ["AiEtl", "AiEtl.Sqlite", "AiEtl.Postgres"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Matches_the_committed_api(string assemblyName)
    {
        var assembly = Shipped.Single(a => a.GetName().Name == assemblyName);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });

        Snapshot.Match(api, extension: "txt", caseName: assemblyName);
    }

    [Fact]
    public void Every_type_in_the_internal_namespace_is_hidden_from_the_editor()
    {
        var visible = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Namespace == "AiEtl.Internal" && !t.IsNested)
            .Where(t => t.GetCustomAttribute<System.ComponentModel.EditorBrowsableAttribute>()?.State != System.ComponentModel.EditorBrowsableState.Never)
            .Select(t => t.FullName);

        Assert.Empty(visible);
    }

    private static Assembly[] Shipped => [typeof(Record).Assembly, typeof(SqliteDestinationOptions).Assembly, typeof(PostgresDestinationOptions).Assembly];
}
