using AiEtl.Configuration.Catalog;
using AiEtl.Configuration.Diagnostics;

namespace AiEtl.Configuration.Tests;

/// <summary>docs/configuration.md is generated from the catalog, lists every key, and every diagnostic has its page.</summary>
public sealed class ReferenceDocTests
{
    [Fact]
    public void Checked_in_reference_is_the_generated_one() =>
        Snapshot.Match("docs/configuration.md", ConfigurationReference.Generate());

    [Fact]
    public void Reference_lists_every_key_of_the_catalog()
    {
        var doc = File.ReadAllText(RepoPaths.InRoot("docs/configuration.md"));
        var missing = new List<string>();
        void Walk(IEnumerable<ConfigKey> keys, string path)
        {
            foreach (var key in keys)
            {
                if (!doc.Contains("| `" + key.Name + "` |", StringComparison.Ordinal))
                {
                    missing.Add(path + key.Name);
                }

                Walk(key.Children, path + key.Name + ".");
            }
        }

        Walk(PipelineCatalog.Pipeline.Children, "pipeline.");
        foreach (var family in new[] { AdapterCatalog.Sources, AdapterCatalog.Destinations, AdapterCatalog.Transforms })
        {
            foreach (var adapter in family.Adapters)
            {
                Assert.Contains("### " + family.Role + " `" + adapter.Name + "`", doc, StringComparison.Ordinal);
                Walk(adapter.Keys, family.Role + "." + adapter.Name + ".");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_diagnostic_has_a_unique_id_and_a_help_page()
    {
        Assert.Equal(ConfigDiagnostics.All.Count, ConfigDiagnostics.All.Select(d => d.Id).Distinct().Count());
        foreach (var descriptor in ConfigDiagnostics.All)
        {
            Assert.Matches("^AIETL1[0-9]{3}$", descriptor.Id);
            var page = RepoPaths.InRoot("docs/diagnostics/" + descriptor.Id + ".md");
            Assert.True(File.Exists(page), "no help page " + page);
            Assert.StartsWith("# " + descriptor.Id + ": " + descriptor.Title, File.ReadAllText(page), StringComparison.Ordinal);
            Assert.EndsWith("docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLink, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_diagnostic_is_tracked_for_release_with_its_severity()
    {
        var unshipped = File.ReadAllLines(RepoPaths.InRoot("src/AiEtl.Configuration/AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in ConfigDiagnostics.All)
        {
            var line = Assert.Single(unshipped, line => line.StartsWith(descriptor.Id + " |", StringComparison.Ordinal));
            Assert.StartsWith($"{descriptor.Id} | AiEtl | {descriptor.DefaultSeverity} | {descriptor.Title}", line, StringComparison.Ordinal);
        }
    }
}
