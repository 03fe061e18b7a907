namespace AiEtl.TransformBench;

/// <summary>The columns of <c>samples/data/customers*.csv</c> (made by samples/DataGen).</summary>
[EtlRecord("customers")]
public partial record struct Customer(
    [property: PrimaryKey] long Id,
    string Email,
    string Name,
    [property: ValueRange(0, 150)] int? Age,
    DateOnly SignupDate,
    DateTimeOffset LastLogin,
    decimal Balance,
    [property: Pattern("^[A-Z]{2}$")] string Country,
    bool Active,
    string[] Tags);

/// <summary>The same columns without a primary key, for the plain load (the file repeats some ids on purpose).</summary>
[EtlRecord("customers")]
public partial record struct PlainCustomer(
    long Id,
    string Email,
    string Name,
    int? Age,
    DateOnly SignupDate,
    DateTimeOffset LastLogin,
    decimal Balance,
    string Country,
    bool Active,
    string[] Tags);
