namespace AiEtl;

/// <summary>
/// A value inside a JSON field to mask, and its kind: <c>email</c> in a field <c>contact</c> holding
/// <c>{"email": ..., "city": ...}</c> masks the e-mail and keeps the city readable (<see cref="Field.SensitivePaths"/>).
/// </summary>
/// <remarks>
/// The path is written as <c>aietl scan</c> names the column after the field's name: <c>email</c>,
/// <c>address.street</c>, <c>orders[].card</c> (<c>[]</c>: every element of an array), <c>[]</c> for the elements of
/// a field that is an array, <c>["a.b"]</c> for a name that is empty or holds <c>.</c>, <c>[</c> or <c>]</c>.
/// </remarks>
public sealed class SensitivePath
{
    /// <summary>Creates the mask of one path.</summary>
    /// <exception cref="ArgumentException">The path is not written as the remarks say.</exception>
    public SensitivePath(string path, SensitiveKind kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (kind == SensitiveKind.None)
        {
            throw new ArgumentException("a sensitive path needs a kind other than None", nameof(kind));
        }

        Steps = JsonPathSyntax.Parse(path, out var offset, out var problem)
            ?? throw new ArgumentException($"'{path}' is not a path inside a JSON field: {problem} (at character {offset + 1})", nameof(path));
        Path = path;
        Kind = kind;
    }

    /// <summary>The path, as written.</summary>
    public string Path { get; }

    /// <summary>How the values at the path are masked.</summary>
    public SensitiveKind Kind { get; }

    // Property names, and null for "every element of an array".
    internal IReadOnlyList<string?> Steps { get; }

    /// <summary>Whether the path is at <paramref name="steps"/> (property names and nulls for array elements, from the field down).</summary>
    internal bool IsAt(IReadOnlyList<string?> steps)
    {
        if (steps.Count != Steps.Count)
        {
            return false;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (!string.Equals(steps[i], Steps[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
