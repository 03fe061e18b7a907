namespace AiEtl.Benchmarks.Databases;

/// <summary>
/// The 10-column customer row of samples/DataGen, as the load benchmarks type it (the QuickStart shape)
/// but without a primary key: the file repeats some ids on purpose, and <c>psql \copy</c> and
/// <c>sqlite3 .import</c> load into the same keyless table.
/// </summary>
[EtlRecord("customers")]
public partial record struct LoadCustomer(
    int Id,
    string Email,
    string Name,
    int? Age,
    DateOnly SignupDate,
    DateTime LastLogin,
    decimal Balance,
    string Country,
    bool Active,
    [property: JsonField] string Tags);
