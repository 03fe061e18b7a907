namespace AiEtl.Generators.Tests.Infrastructure;

/// <summary>JSON text as <see cref="DictionaryFieldWriter"/> stores it, so a test can tell WriteJson from WriteString.</summary>
/// <param name="Text">The JSON text.</param>
internal sealed record JsonText(string Text);
