namespace AiEtl.FileBench;

/// <summary>The columns of <c>samples/data/customers*.csv</c> (made by samples/DataGen), for the file adapter harness.</summary>
[EtlRecord("customers")]
public partial record struct FileBenchCustomer(
    [property: PrimaryKey] long Id,
    string Email,
    string Name,
    int? Age,
    DateOnly SignupDate,
    DateTimeOffset LastLogin,
    decimal Balance,
    string Country,
    bool Active,
    string[] Tags);
