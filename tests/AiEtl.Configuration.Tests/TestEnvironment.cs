namespace AiEtl.Configuration.Tests;

/// <summary>A process environment of the test's own, so tests neither depend on nor change the real one.</summary>
internal static class TestEnvironment
{
    public static Func<string, string?> Of(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => values.TryGetValue(name, out var value) ? value : null;
    }

    public static PipelineLoadOptions Options(params (string Name, string Value)[] variables) => new() { ProcessEnvironment = Of(variables) };
}
