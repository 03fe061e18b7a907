using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace AiEtl.Cli.Output;

/// <summary>Options that never change, for a library type that takes a monitor (the console logger provider).</summary>
internal sealed class FixedOptionsMonitor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
