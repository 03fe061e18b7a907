using System.Text.Json;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Tests.Validation;

[EtlRecord("contacts")]
public partial record struct Contact(
    int Id,
    [property: Sensitive(SensitiveKind.Email)] string Email,
    int Age);

/// <summary>
/// A row rejected for a field that is not sensitive goes to the dead-letter file with its raw input, but with the
/// sensitive values masked; a row that cannot be split into fields keeps no raw input; and a file without a header
/// does not show its first row in the error.
/// </summary>
public sealed class SensitiveDeadLetterTests : IDisposable
{
    private const string Secret = "zoe.secret";
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-sensitive-").FullName;

    private string DeadLetters => Path.Combine(_directory, "dlq.jsonl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_csv_row_rejected_for_another_field_keeps_its_raw_line_with_the_email_masked()
    {
        var input = Path.Combine(_directory, "contacts.csv");
        await File.WriteAllTextAsync(input, $"id,email,age\n1,ann@mail.example,30\n2,{Secret}@mail.example,forty\n3,\"{Secret}3@mail.example\",1,extra\n4,\"{Secret}4@mail.example,5\n", TestContext.Current.CancellationToken);

        var result = await RunAsync(new CsvSource<Contact>(input));

        Assert.Equal(1, result.RecordsLoaded);
        var entries = Entries();
        Assert.DoesNotContain(Secret, File.ReadAllText(DeadLetters), StringComparison.Ordinal);
        Assert.Equal("2,z***@mail.example,forty", entries[0].GetProperty("raw").GetString());
        Assert.Equal("3,\"z***@mail.example\",1,extra", entries[1].GetProperty("raw").GetString());
        Assert.False(entries[^1].TryGetProperty("raw", out _), "a record with bad quoting cannot be masked, so it keeps no raw input");
    }

    [Fact]
    public async Task A_json_line_rejected_for_another_field_keeps_its_raw_text_with_the_email_masked()
    {
        var input = Path.Combine(_directory, "contacts.jsonl");
        await File.WriteAllTextAsync(input, $"{{\"id\":1,\"email\":\"ann@mail.example\",\"age\":30}}\n{{\"id\":2,\"email\":\"{Secret}\\u0040mail.example\",\"age\":\"forty\"}}\n{{\"id\":3,\"email\":\"{Secret}@x\",\"age\":\n", TestContext.Current.CancellationToken);

        var result = await RunAsync(new JsonSource<Contact>(input));

        Assert.Equal(1, result.RecordsLoaded);
        var entries = Entries();
        Assert.DoesNotContain(Secret, File.ReadAllText(DeadLetters), StringComparison.Ordinal);
        Assert.Equal("{\"id\":2,\"email\":\"z***@mail.example\",\"age\":\"forty\"}", entries[0].GetProperty("raw").GetString());
        Assert.False(entries[1].TryGetProperty("raw", out _), "malformed JSON cannot be masked, so it keeps no raw input");
    }

    [Fact]
    public async Task A_csv_without_a_header_does_not_show_its_first_row_in_the_error()
    {
        var input = Path.Combine(_directory, "contacts.csv");
        await File.WriteAllTextAsync(input, $"1,{Secret}@mail.example,30\n", TestContext.Current.CancellationToken);

        var result = await RunAsync(new CsvSource<Contact>(input));

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Contains("the header has no columns 'id', 'email', 'age'", error.Message, StringComparison.Ordinal);
        Assert.Contains("its 3 other cells are not shown", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    private Task<PipelineResult> RunAsync(ISource<Contact> source) =>
        EtlPipeline.Create<Contact>("sensitive").From(source).To(new RecordingDestination<Contact>())
            .WithOptions(new PipelineOptions { ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = DeadLetters } })
            .RunAsync(TestContext.Current.CancellationToken);

    private List<JsonElement> Entries() => [.. File.ReadAllLines(DeadLetters).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
}
