using System.Diagnostics;
using System.Globalization;
using System.Text;
using AiEtl.Csv;
using AiEtl.IntegrationTests.Postgres;
using AiEtl.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AiEtl.IntegrationTests.Masking;

/// <summary>
/// A run over data full of social security, card and phone numbers and e-mail addresses in fields nobody marked
/// sensitive, with rows the reader rejects, rows the validator rejects and a load the server rejects at the end: every log line, error, warning, trace and file the run writes is searched for the planted
/// values, and none is found unmasked.
/// </summary>
public sealed class PlantedSensitiveValuesTests : IAsyncDisposable, IDisposable
{
    private const int Rows = 60;
    private readonly PostgresTestDatabase _db = new("masking");
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-masking-").FullName;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task No_planted_value_leaks_into_logs_errors_traces_or_files()
    {
        var planted = new List<string>();
        var input = WriteInput(planted);

        // The table's own unique constraint on contact rejects the last batch, and the server's detail repeats the value.
        _db.Execute($"CREATE SCHEMA IF NOT EXISTS \"{_db.Schema}\"; CREATE TABLE \"{_db.Schema}\".leads (id integer PRIMARY KEY, contact text UNIQUE, note text, code text, score integer)");
        using var logs = new LogLines();
        var traces = new List<string>();
        using var listener = Listen(traces);
        var destination = _db.Destination("leads") with
        {
            // The worst case: the user asked the server for the row values in its errors.
            ConnectionString = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { IncludeErrorDetail = true }.ConnectionString,
        };

        var result = await EtlPipeline.Create<Lead>("masking")
            .From(new CsvSource<Lead>(input))
            .Transform(new Validator<Lead>())
            .To(new PostgresDestination<Lead>(destination))
            .WithOptions(new PipelineOptions
            {
                BatchSize = 10,
                CommitEvery = 1, // each good batch commits before the duplicate stops the run
                LoggerFactory = logs,
                State = new StateManager(Path.Combine(_directory, ".state")),
                Masking = new MaskingOptions { MaskDeadLetterRows = true },
                ErrorHandling = new ErrorHandlingOptions
                {
                    OnExtractError = ErrorAction.Skip,
                    OnTransformError = ErrorAction.Skip,
                    OnLoadError = ErrorAction.Fail,
                    DeadLetterPath = Path.Combine(_directory, "errors", "dlq.jsonl"),
                },
            })
            .RunAsync(TestContext.Current.CancellationToken);

        // The run did what the data asks: bad rows dead-lettered, the good batches loaded, the duplicate stopped it.
        Assert.False(result.Success);
        Assert.True(result.RecordsFailed >= 10, result.Describe());
        Assert.True(_db.Count("leads") > 0);
        var stop = result.Errors[^1];
        Assert.Contains("duplicate key", stop.Message, StringComparison.Ordinal);
        Assert.Contains("Key (contact)=(", stop.Message, StringComparison.Ordinal);

        var written = Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories)
            .Where(file => file != input)
            .Select(file => (Place: file, Text: File.ReadAllText(file)))
            .ToList();
        Assert.Contains(written, file => file.Place.EndsWith("dlq.jsonl", StringComparison.Ordinal));
        var everything = new List<(string Place, string Text)>(written)
        {
            ("result", string.Join('\n', result.Errors.Select(e => e.Message).Concat(result.Warnings))),
            ("describe", result.Describe()),
        };
        everything.AddRange(logs.Lines.Select(line => ("log", line)));
        everything.AddRange(traces.Select(trace => ("trace", trace)));
        Assert.NotEmpty(logs.Lines);

        foreach (var value in planted)
        {
            foreach (var (place, text) in everything)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"'{value}' is in {place} unmasked: {text}");
            }
        }

        // Masked, not dropped: a reader can still tell which value it was.
        var deadLetters = written.Single(file => file.Place.EndsWith("dlq.jsonl", StringComparison.Ordinal)).Text;
        Assert.Matches(@"ssn \*\*\*\d{4}, card \*\*\*\d{4}, call \*\*\*\d{2}", deadLetters);
        Assert.Contains("@example.com", deadLetters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_masked_dead_letter_rows_the_raw_line_stays_replayable_and_the_message_is_still_masked()
    {
        var input = Path.Combine(_directory, "one.csv");
        File.WriteAllText(input, "id,contact,note,code,score\n1,ann@example.com,ssn 123-45-6789,ABC,many\n");

        var result = await EtlPipeline.Create<Lead>("masking-raw")
            .From(new CsvSource<Lead>(input))
            .To(new PostgresDestination<Lead>(_db.Destination("raw_leads")))
            .WithOptions(new PipelineOptions
            {
                ErrorHandling = new ErrorHandlingOptions { OnExtractError = ErrorAction.Skip, DeadLetterPath = Path.Combine(_directory, "raw.jsonl") },
            })
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        var entry = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "raw.jsonl"))).RootElement;
        Assert.Equal("1,ann@example.com,ssn 123-45-6789,ABC,many", entry.GetProperty("raw").GetString());
        Assert.DoesNotContain("123-45-6789", entry.GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    // Rows 1-60; every row carries an e-mail or phone in contact and an SSN and card in its note. Rows 7, 17, ...
    // have a score that is an SSN (the reader rejects it), rows 4, 14, ... a code that is an e-mail (the validator
    // rejects it), and the last row repeats the contact of a row loaded before it (the server rejects the load).
    private string WriteInput(List<string> planted)
    {
        var text = new StringBuilder("id,contact,note,code,score\n");
        for (var i = 1; i <= Rows; i++)
        {
            var ssn = string.Create(CultureInfo.InvariantCulture, $"{100 + i}-{10 + (i % 89)}-{1000 + i:0000}");
            var card = LuhnCard(4000_0000_0000_000L + i);
            var contact = i % 2 == 0 ? $"person{i}@example.com" : string.Create(CultureInfo.InvariantCulture, $"555-{100 + i}-{2000 + i}");
            var code = i % 10 == 4 ? $"code{i}@example.com" : "ABC";
            var score = i % 10 == 7 ? string.Create(CultureInfo.InvariantCulture, $"{200 + i}-{20 + i % 70}-{3000 + i}") : "5";
            if (i == Rows)
            {
                contact = "person2@example.com";
            }

            planted.AddRange([ssn, card, contact, code, score]);
            text.Append(CultureInfo.InvariantCulture, $"{i},{contact},\"ssn {ssn}, card {card}, call +1 415 555 {i:0000}\",{code},{score}\n");
            planted.Add(string.Create(CultureInfo.InvariantCulture, $"+1 415 555 {i:0000}"));
        }

        planted.RemoveAll(value => value is "ABC" or "5");
        var path = Path.Combine(_directory, "leads.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    // A 16-digit number that passes the Luhn check: the 15 digits given and the check digit that makes them valid.
    private static string LuhnCard(long first15)
    {
        var digits = first15.ToString("000000000000000", CultureInfo.InvariantCulture);
        for (var check = 0; check <= 9; check++)
        {
            var candidate = digits + (char)('0' + check);
            if (SensitiveDataMasker.PassesLuhn(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable: one check digit always fits");
    }

    private static ActivityListener Listen(List<string> traces)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "AiEtl",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (traces)
                {
                    traces.Add($"{activity.OperationName} {activity.StatusDescription} {string.Join(' ', activity.Tags.Select(t => $"{t.Key}={t.Value}"))}");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>Every formatted log line of every category and level, with its exception.</summary>
    private sealed class LogLines : ILoggerFactory
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        private sealed class Logger(LogLines owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._lines)
                {
                    owner._lines.Add($"{category} {logLevel}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
