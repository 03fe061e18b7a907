using CsvHelper;

namespace AiEtl.Benchmarks.Records;

/// <summary>The same shape as <see cref="CustomerRow"/>, mapped by CsvHelper's own source generator.</summary>
[CsvRecord]
public partial record struct CsvHelperCustomer(
    [CsvColumn("id")] int Id,
    [CsvColumn("email")] string Email,
    [CsvColumn("name")] string Name,
    [CsvColumn("age")] int? Age,
    [CsvColumn("signup_date")] DateOnly SignupDate,
    [CsvColumn("last_login")] DateTime LastLogin,
    [CsvColumn("balance")] decimal Balance,
    [CsvColumn("country")] string Country,
    [CsvColumn("active")] bool Active,
    [CsvColumn("tags")] string Tags);
