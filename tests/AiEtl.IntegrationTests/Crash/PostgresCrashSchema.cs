using AiEtl.IntegrationTests.Postgres;

namespace AiEtl.IntegrationTests.Crash;

/// <summary>The PostgreSQL schema of <see cref="PostgresCrashTests"/>, dropped after its last trial.</summary>
public sealed class PostgresCrashSchema : IAsyncDisposable
{
    public PostgresTestDatabase Database { get; } = new("crash");

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
