using System.Text.Json;

namespace AiEtl.IntegrationTests.LoadErrors;

/// <summary>
/// The input of the load-error tests: a CSV file whose rows 3, 4, 5 and 7 (lines 4, 5, 6 and 8) the destination
/// rejects for a duplicate key, a check constraint, a NOT NULL column and a value too long; and what the
/// dead-letter file must say about each.
/// </summary>
internal static class LoadErrorInput
{
    public const string Csv = """
        id,name,age
        1,Ann,30
        2,Bob,40
        1,Duplicate,50
        3,Cat,-5
        4,,20
        5,Eve,25
        6,Averyverylongname,33
        7,Gus,60

        """;

    /// <summary>The ids and names stored when the bad rows are skipped.</summary>
    public static readonly string[] GoodRows = ["1 Ann 30", "2 Bob 40", "5 Eve 25", "7 Gus 60"];

    /// <summary>The dynamic rows' schema: what the typed <see cref="LoadCustomer"/> declares.</summary>
    public static readonly Schema Schema = new("customers", [
        new Field("id", FieldType.Integer) { IsNullable = false },
        new Field("name", FieldType.String),
        new Field("age", FieldType.Integer) { IsNullable = false },
    ])
    { PrimaryKey = ["id"] };

    public static RecordCodec Codec(string source) => new(Schema, new RecordMetadata("csv", source));

    /// <summary>The entries of a dead-letter file, in order.</summary>
    public static List<DeadLetter> Read(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var json = JsonDocument.Parse(l);
            var root = json.RootElement;
            var location = root.GetProperty("location");
            return new DeadLetter(
                root.GetProperty("stage").GetString()!,
                root.GetProperty("message").GetString()!,
                root.TryGetProperty("record_id", out var id) ? id.GetString() : null,
                location.TryGetProperty("line", out var line) ? line.GetInt64() : null,
                location.TryGetProperty("row", out var row) ? row.GetInt64() : null,
                location.GetProperty("source").GetString()!);
        })];

    /// <summary>Checks the four rejected rows' entries: stage, source line and row, key, and the database's reason.</summary>
    public static void AssertRejected(string deadLetterPath, string input, params string[] reasons)
    {
        var entries = Read(deadLetterPath).OrderBy(e => e.Line).ToList();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal("load", e.Stage));
        Assert.All(entries, e => Assert.EndsWith(Path.GetFileName(input), e.Source, StringComparison.Ordinal));
        Assert.Equal([4L, 5L, 6L, 8L], entries.Select(e => e.Line));
        Assert.Equal([3L, 4L, 5L, 7L], entries.Select(e => e.Row));
        Assert.Equal(["id=1", "id=3", "id=4", "id=6"], entries.Select(e => e.RecordId));
        foreach (var (entry, reason) in entries.Zip(reasons))
        {
            Assert.Contains(reason, entry.Message, StringComparison.Ordinal);
            Assert.Contains($"the row with {entry.RecordId} was rejected", entry.Message, StringComparison.Ordinal);
        }
    }

    public sealed record DeadLetter(string Stage, string Message, string? RecordId, long? Line, long? Row, string Source);
}
