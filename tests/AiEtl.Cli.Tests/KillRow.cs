namespace AiEtl.Cli.Tests;

/// <summary>One customer of the kill tests' input, as the destination must hold it (decimals compare by value: 12.5 = 12.50).</summary>
internal sealed record KillRow(long Id, string Name, string Email, decimal Amount, DateOnly SignupDate);
