using AiEtl.Csv;
using AiEtl.Sqlite;
using Microsoft.Data.Sqlite;

namespace AiEtl.IntegrationTests.Sqlite;

/// <summary>A record whose properties the generator inferred from samples/data/customers.csv, in this build.</summary>
[EtlRecord("customers", Sample = "../../samples/data/customers.csv")]
public partial record struct SampledCustomer;

/// <summary>A record declared only by its sample loads that sample into a real SQLite file, every row typed.</summary>
public sealed class SampleRecordTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aietl-sample-record-").FullName;

    private string DatabasePath => Path.Combine(_directory, "customers.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_record_from_its_sample_loads_the_whole_file_into_sqlite()
    {
        var result = await EtlPipeline.Create<SampledCustomer>("sampled")
            .From(new CsvSource<SampledCustomer>(RepositoryPaths.SampleData("customers.csv")))
            .To(new SqliteDestination<SampledCustomer>(new SqliteDestinationOptions(DatabasePath)))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Describe());
        Assert.Equal(10_000, result.RecordsLoaded);
        Assert.Equal(0, result.RecordsFailed);
        using var connection = SqliteTestFile.Open(DatabasePath);
        Assert.Equal(["1|liam.patel1@mail.example|2022-08-13|7266.94"], SqliteTestFile.Strings(connection, "SELECT id || '|' || email || '|' || signup_date || '|' || balance FROM customers WHERE id = 1"));

        // The generated properties have the inferred types: these lines compile only so.
        SampledCustomer customer = new() { Id = 1L, Age = null, SignupDate = new DateOnly(2022, 8, 13), Balance = 7266.94m, Active = true };
        Assert.Null(customer.Age);
    }
}
