using AiEtl.Postgres;
using Npgsql;

namespace AiEtl.IntegrationTests.Postgres;

/// <summary>
/// Credentials from <c>${ENV}</c> placeholders (the test server trusts loopback, so any password is
/// accepted and the tests see what the adapter did with it).
/// </summary>
public sealed class PostgresCredentialTests : IAsyncDisposable
{
    private readonly PostgresTestDatabase _db = new("cred");

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_password_placeholder_is_expanded_from_the_environment_without_a_warning()
    {
        var variable = $"AIETL_TEST_PASSWORD_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "from-the-environment");
        try
        {
            var result = await LoadAsync(_db.Destination("placeholder") with { Password = $"${{{variable}}}" });

            Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Equal(1, result.RecordsLoaded);
            Assert.Empty(result.Warnings);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task A_literal_password_is_accepted_with_a_warning()
    {
        var result = await LoadAsync(_db.Destination("literal") with { Password = "literal-secret" });

        Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("literal", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("literal-secret", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_of_an_unset_variable_fails_at_once_naming_the_variable()
    {
        var options = _db.Destination("unset") with { Password = "${AIETL_TEST_NEVER_SET_9F2C}" };

        var error = Assert.Throws<PipelineConfigurationException>(() => new PostgresDestination<Event>(options));

        Assert.Equal("password: the environment variable AIETL_TEST_NEVER_SET_9F2C is not set", error.Message);
    }

    [Fact]
    public async Task Placeholders_work_in_the_connection_string_and_the_source()
    {
        var builder = new NpgsqlConnectionStringBuilder(_db.ConnectionString);
        var variable = $"AIETL_TEST_DATABASE_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, builder.Database);
        try
        {
            builder.Database = "placeholder-database";
            var connectionString = builder.ConnectionString.Replace("placeholder-database", $"${{{variable}}}", StringComparison.Ordinal);
            await LoadAsync(_db.Destination("viaenv") with { ConnectionString = connectionString });

            var rows = new ListDestination<Event>();
            var result = await EtlPipeline.Create<Event>("cred-source")
                .From(new PostgresSource<Event>(_db.Source("viaenv") with { ConnectionString = connectionString }))
                .To(rows)
                .WithOptions(new PipelineOptions { RetryPolicy = RetryPolicy.None })
                .RunAsync(TestContext.Current.CancellationToken);

            Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Equal([7L], rows.Rows.Select(r => r.Id));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static Task<PipelineResult> LoadAsync(PostgresDestinationOptions options) =>
        EtlPipeline.Create<Event>("cred")
            .From(new EnumerableSource<Event>([new Event(7, "seven", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc))]))
            .To(new PostgresDestination<Event>(options))
            .WithOptions(new PipelineOptions { RetryPolicy = RetryPolicy.None })
            .RunAsync(TestContext.Current.CancellationToken);
}
