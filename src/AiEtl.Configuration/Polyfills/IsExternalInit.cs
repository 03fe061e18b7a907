namespace System.Runtime.CompilerServices;

/// <summary>
/// Lets netstandard2.0 code declare <c>init</c> accessors and records; the compiler looks the type up by name.
/// </summary>
internal static class IsExternalInit
{
}
