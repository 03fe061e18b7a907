using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace AiEtl.Packaging.Tests;

/// <summary>
/// Fresh projects that reference AiEtl.Typed and AiEtl.Typed.Sqlite from the local feed, as a user's do: the program of
/// the package README builds with warnings as errors, runs and loads its rows; a bad record fails the build at its line;
/// the same program publishes with Native AOT in one command.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed partial class ConsumerTests(PackageFeed feed)
{
    private const string Customers = """
        id,email,age
        1,ann@example.org,34
        2,bob@example.org,
        3,cy@example.org,58

        """;

    private static readonly string[] LoadedRows = ["1|ann@example.org|34", "2|bob@example.org|", "3|cy@example.org|58"];

    private static readonly string[] Packages = ["AiEtl.Typed", "AiEtl.Typed.Sqlite"];

    [Fact]
    public async Task The_package_readme_program_builds_runs_and_loads_its_rows_into_sqlite()
    {
        var consumer = ReadmeConsumer("ReadmeApp");

        var build = await Dotnet.RunAsync(consumer, feed.Environment, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);

        var run = await Dotnet.RunAsync(consumer, feed.Environment, Path.Combine("bin", "Release", "net10.0", "ReadmeApp.dll"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 rows loaded", run.Output, StringComparison.Ordinal);
        Assert.Equal(LoadedRows, Rows(Path.Combine(consumer, "customers.db")));
    }

    [Fact]
    public async Task A_record_with_an_unsupported_property_type_fails_the_build_at_the_type_with_AIETL0002()
    {
        const string record = """
            using AiEtl;

            namespace BadApp;

            [EtlRecord("readings")]
            public partial record struct Reading([property: PrimaryKey] int Id, object Value);

            """;
        var consumer = feed.Consumer("BadApp", Packages, ("Reading.cs", record), ("Program.cs", "System.Console.WriteLine(\"never built\");\n"));

        var build = await Dotnet.RunAsync(consumer, feed.Environment, "build", "-c", "Release");

        Assert.NotEqual(0, build.ExitCode);
        var (line, column) = Position(record, "object Value");
        var expected = $"{Path.Combine(consumer, "Reading.cs")}({line},{column}): error AIETL0002: ";
        Assert.True(build.Output.Contains(expected, StringComparison.Ordinal), $"no line starting {expected} in {build}");
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_package_readme_program_publishes_with_native_aot_in_one_command_and_the_native_binary_loads_the_rows()
    {
        var consumer = ReadmeConsumer("NativeApp");
        var published = Path.Combine(consumer, "native");

        var publish = await Dotnet.RunAsync(
            consumer, feed.Environment, "publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "-o", published);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.False(File.Exists(Path.Combine(published, "NativeApp.dll")), "the publication still needs the JIT");
        var work = Directory.CreateDirectory(Path.Combine(consumer, "work")).FullName;
        File.WriteAllText(Path.Combine(work, "customers.csv"), Customers);
        var run = await Dotnet.ProcessAsync(Path.Combine(published, "NativeApp"), work, feed.Environment, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 rows loaded", run.Output, StringComparison.Ordinal);
        Assert.Equal(LoadedRows, Rows(Path.Combine(work, "customers.db")));
    }

    // A consumer whose program is the C# block of the package README (src/PACKAGE.md), beside the CSV it reads.
    private string ReadmeConsumer(string name)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "PACKAGE.md"));
        var program = CSharpBlock().Match(readme);
        Assert.True(program.Success, "src/PACKAGE.md has no C# block");
        return feed.Consumer(name, Packages, ("Program.cs", program.Groups[1].Value), ("customers.csv", Customers));
    }

    // The 1-based line and column where text starts, as the compiler prints them.
    private static (int Line, int Column) Position(string source, string text)
    {
        var offset = source.IndexOf(text, StringComparison.Ordinal);
        var before = source[..offset];
        return (before.Count(c => c == '\n') + 1, offset - before.LastIndexOf('\n'));
    }

    private static List<string> Rows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, age FROM customers ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetInt64(0)}|{reader.GetString(1)}|{(reader.IsDBNull(2) ? "" : reader.GetInt64(2).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }

        return rows;
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
