using System.Diagnostics;
using System.Text;
using AiEtl.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators.Tests;

/// <summary>
/// The generator never throws and never hangs on a pipeline file, however broken: 10,000 files mutated from valid
/// ones (truncated, lines swapped, dropped or doubled, random bytes, deep nesting, huge scalars, anchors and
/// aliases, byte order marks, tabs) go through the parse and check steps, each within a time box, and give
/// diagnostics only; a sample of them goes through the real driver, which must report no CS8785, and so do 300
/// <c>[Pipeline&lt;T&gt;]</c> classes with random combinations of the attributes (repeated, missing, out of range).
/// </summary>
public sealed class PipelineFuzzTests
{
    private const int Cases = 10_000;
    private static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(5);

    private const string Record = """
        using AiEtl;
        namespace Sample;
        [EtlRecord("customers")]
        public partial record struct Customer([property: PrimaryKey] int Id, string Email, int? Age, [property: JsonField] string Tags, DateTime UpdatedAt);
        """;

    private static readonly string[] Seeds =
    [
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "QuickStart", "quickstart.etl.yaml")),
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "YamlPipelines", "pipelines"), "*.etl.yaml").Order().Select(File.ReadAllText),
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "pipelines"), "*.yaml").Order().Select(File.ReadAllText),
    ];

    private static readonly string[] Replacements = ["jsonl", "sqlite", "postgres", "select", "", "${X}", "${X:-csv}", "[]", "{}"];

    [Fact]
    public async Task Ten_thousand_mutated_files_give_diagnostics_never_an_exception_or_a_hang()
    {
        var random = new Random(20261206);
        var records = RecordSpecs();
        var project = new ProjectInfo("Sample", "/src/Sample/");
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Cases; i++)
        {
            var text = Mutate(Seeds[random.Next(Seeds.Length)], random);
            var stopwatch = Stopwatch.StartNew();
            var work = Task.Run(() =>
            {
                var parsed = YamlPipelineParser.Parse("/src/Sample/p.etl.yaml", SourceText.From(text), project, CancellationToken.None);
                if (parsed.Value is { } declaration)
                {
                    var samples = new EquatableArray<CsvSampleHeader>([new CsvSampleHeader("/src/data/customers.csv", text.Length > 40 ? text[..40] : text)]);
                    if (RecordChecks.Check(declaration, records, samples, EquatableArray<string>.Empty).Value is { } plan)
                    {
                        _ = PipelineEmitter.Emit(plan);
                    }
                }
            }, TestContext.Current.CancellationToken);
            var finished = await Task.WhenAny(work, Task.Delay(TimeBox, TestContext.Current.CancellationToken));
            Assert.True(finished == work, $"case {i} ran past {TimeBox.TotalSeconds} s:\n{Shown(text)}");
            Assert.True(work.Exception is null, $"case {i} threw {work.Exception}:\n{Shown(text)}");
            slowest = stopwatch.Elapsed > slowest ? stopwatch.Elapsed : slowest;
        }

        Assert.True(slowest < TimeBox, $"the slowest case took {slowest}");
    }

    [Fact]
    public void Mutated_files_through_the_real_driver_report_no_generator_failure()
    {
        var random = new Random(6122026);
        for (var i = 0; i < 200; i++)
        {
            var run = PipelineHarness.Run([Record], new PipelineHarness.ProjectFile("p.etl.yaml", Mutate(Seeds[random.Next(Seeds.Length)], random)));

            Assert.Null(run.Result.Exception);
            Assert.DoesNotContain(run.Diagnostics, diagnostic => diagnostic.Id is "CS8785" or "AIETL0099");
        }
    }

    [Fact]
    public void Random_attribute_combinations_give_diagnostics_never_a_generator_failure()
    {
        var random = new Random(2026_12_06);
        string[] sources = ["[CsvSource(\"in.csv\", Delimiter = ';')]", "[JsonSource(\"${IN}\")]", "[SqliteSource(\"in.db\", Table = \"t\", CursorColumn = \"updated_at\")]", "[SqliteSource(\"\")]", ""];
        string[] transforms = ["[RemoveNulls]", "[RemoveNulls(\"age\", \"nope\")]", "[Deduplicate(\"id\")]", "[Deduplicate(\"tags\", KeepLast = true)]", "[Deduplicate]", "[ScoreQuality(MinScore = 2)]", "[ScoreQuality(MinScore = 0.5, DropBelowMinimum = true)]"];
        string[] destinations = ["[SqliteDestination(\"out.db\", WriteMode = WriteMode.Merge)]", "[JsonDestination(\"out.jsonl\")]", "[CsvDestination(\"\")]", "[PostgresDestination(Password = \"hunter2\", Port = 70000)]", "[PostgresDestination(ConnectionString = \"${PG}\", SchemaMode = SchemaMode.DropAndCreate)]", ""];
        string[] run = ["[Execution(BatchSize = 0)]", "[Execution(BatchSize = 10, MaxWorkers = 2, TimeoutSeconds = -1)]", "[Retry(MaxRetries = -3)]", "[ErrorHandling(OnLoadError = ErrorAction.Skip, DeadLetterQueue = \"dlq.jsonl\")]", "[StateFile(\"state.json\")]", ""];
        string[] members = ["[Filter] bool Keep(Customer row) => true;", "[Transform] static Customer Fix(Customer row) => row;", "[Filter] static int Bad(Customer row) => 0;", "[Transform] void Worse() { }", ""];
        for (var i = 0; i < 300; i++)
        {
            var attributes = new List<string> { $"[Pipeline<Customer>(\"{(random.Next(5) == 0 ? "x" : "pipeline-" + i)}\")]" };
            attributes.AddRange(Enumerable.Range(0, random.Next(3)).Select(_ => sources[random.Next(sources.Length)]));
            attributes.AddRange(Enumerable.Range(0, random.Next(4)).Select(_ => transforms[random.Next(transforms.Length)]));
            attributes.AddRange(Enumerable.Range(0, random.Next(3)).Select(_ => destinations[random.Next(destinations.Length)]));
            attributes.AddRange(Enumerable.Range(0, random.Next(3)).Select(_ => run[random.Next(run.Length)]));
            var body = string.Join("\n", Enumerable.Range(0, random.Next(3)).Select(_ => members[random.Next(members.Length)]));
            var modifiers = random.Next(6) == 0 ? "public sealed" : "public sealed partial";
            var source = Record + "\n" + string.Join("\n", attributes.OrderBy(_ => random.Next())) + $"\n{modifiers} class Job{i}\n{{\n{body}\n}}\n";

            var result = PipelineHarness.Run([source]);

            Assert.True(result.Result.Exception is null, $"case {i} threw {result.Result.Exception}:\n{source}");
            Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id is "CS8785" or "AIETL0099");
        }
    }

    private static EquatableArray<EtlRecordSpec> RecordSpecs()
    {
        var run = PipelineHarness.Run([Record]);
        var specs = run.Result.TrackedSteps[TrackingNames.RecordSpecs].SelectMany(step => step.Outputs).Select(output => (EtlRecordSpec)output.Value).ToArray();
        return new EquatableArray<EtlRecordSpec>(specs);
    }

    private static string Mutate(string seed, Random random)
    {
        var text = seed;
        var rounds = 1 + random.Next(3);
        for (var round = 0; round < rounds; round++)
        {
            var lines = text.Split('\n').ToList();
            switch (random.Next(12))
            {
                case 0:
                    text = text[..random.Next(text.Length + 1)];
                    break;
                case 1 when lines.Count > 1:
                    var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join('\n', lines);
                    break;
                case 2 when lines.Count > 0:
                    lines.RemoveAt(random.Next(lines.Count));
                    text = string.Join('\n', lines);
                    break;
                case 3 when lines.Count > 0:
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                    text = string.Join('\n', lines);
                    break;
                case 4:
                    var bytes = new byte[1 + random.Next(16)];
                    random.NextBytes(bytes);
                    text = text.Insert(random.Next(text.Length + 1), Encoding.Latin1.GetString(bytes));
                    break;
                case 5:
                    var depth = 100 + random.Next(2000);
                    text = random.Next(2) == 0
                        ? text + "\n" + new string('[', depth) + new string(']', random.Next(depth))
                        : text + "\n" + string.Concat(Enumerable.Range(0, depth / 10).Select(level => new string(' ', level * 2) + "k" + level + ":\n"));
                    break;
                case 6:
                    text = text.Insert(random.Next(text.Length + 1), new string((char)('a' + random.Next(26)), 10_000 + random.Next(200_000)));
                    break;
                case 7:
                    text = text + "\nbomb: &a [x, x, x, x, x, x, x, x, x]\nb2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nb3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nb4: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *undefined]\n";
                    break;
                case 8:
                    text = "\uFEFF" + text.Replace("  ", random.Next(2) == 0 ? "\t" : "   ");
                    break;
                case 9 when text.Length > 0:
                    var at = random.Next(text.Length);
                    text = text.Remove(at, 1).Insert(at, ((char)random.Next(32, 127)).ToString());
                    break;
                case 10:
                    text = text.Replace(":", random.Next(2) == 0 ? "" : ": : ");
                    break;
                default:
                    text = text.Replace("csv", Replacements[random.Next(Replacements.Length)]);
                    break;
            }
        }

        return text;
    }

    private static string Shown(string text) => text.Length > 2_000 ? text[..2_000] + "..." : text;
}
