namespace AiEtl.CrashWriter;

/// <summary>A customer row keyed by its id: the dedup and merge loads, where one row of each id stays.</summary>
[EtlRecord("customers")]
public partial record struct KeyedCustomer([property: PrimaryKey] int Id, string Name, string Email, int Age, DateOnly SignupDate, decimal Score);
