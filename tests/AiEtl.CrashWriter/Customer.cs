namespace AiEtl.CrashWriter;

/// <summary>A customer row without a key: the append and replace loads, where every row of the input stays.</summary>
[EtlRecord("customers")]
public partial record struct Customer(int Id, string Name, string Email, int Age, DateOnly SignupDate, decimal Score);
