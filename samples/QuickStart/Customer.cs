using AiEtl;

namespace QuickStart;

/// <summary>
/// One row of samples/data/customers.csv. The source generator reads this declaration and emits the
/// schema, the CSV reader and the SQLite binding; field names are the property names in snake_case.
/// </summary>
[EtlRecord("customers")]
public partial record struct Customer(
    [property: PrimaryKey] int Id,
    string Email,
    string Name,
    int? Age,
    DateOnly SignupDate,
    DateTime LastLogin,
    decimal Balance,
    string Country,
    bool Active,
    [property: JsonField] string Tags);
