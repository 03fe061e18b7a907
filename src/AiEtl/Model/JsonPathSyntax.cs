#if AIETL_CONFIGURATION
// The configuration compiles this file too (AiEtl.Configuration.csproj): it reports a bad sensitive_paths key with
// the rules the engine masks by.
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AiEtl.Configuration.Validation;
#else
using System.Globalization;
using System.Text;

namespace AiEtl;
#endif

/// <summary>
/// A path inside a JSON field as <c>aietl scan</c> spells it after the field's name: <c>email</c>, <c>address.city</c>,
/// <c>orders[].card</c> (<c>[]</c> is every element of an array), <c>[]</c> alone for the elements of a field that is
/// an array, and <c>["a.b"]</c> (a JSON string in brackets) for a name that is empty or holds <c>.</c>, <c>[</c> or
/// <c>]</c>. Parsed into its steps: a property name, or <see langword="null"/> for the elements of an array.
/// </summary>
internal static class JsonPathSyntax
{
    /// <summary>The steps of <paramref name="text"/>; on bad syntax, <see langword="null"/> with the offset and the problem.</summary>
    public static List<string?>? Parse(string text, out int errorOffset, out string? problem)
    {
        var steps = new List<string?>();
        var at = 0;
        errorOffset = 0;
        problem = null;
        if (text.Length == 0)
        {
            problem = "the path is empty";
            return null;
        }

        while (at < text.Length)
        {
            var character = text[at];
            if (character == '[')
            {
                if (!Bracket(text, ref at, steps, out problem))
                {
                    errorOffset = at;
                    return null;
                }

                continue;
            }

            // A name: first in the path, or after a dot.
            if (steps.Count > 0)
            {
                if (character != '.')
                {
                    errorOffset = at;
                    problem = "expected '.', '[]' or '[\"name\"]' after a step, found '" + character + "'";
                    return null;
                }

                at++;
            }

            var start = at;
            while (at < text.Length && text[at] is not ('.' or '[' or ']'))
            {
                at++;
            }

            if (at == start)
            {
                errorOffset = start;
                problem = at < text.Length && text[at] == ']'
                    ? "a ']' without its '['"
                    : "an empty name (write a name that is empty or holds '.', '[' or ']' as [\"...\"])";
                return null;
            }

            steps.Add(text.Substring(start, at - start));
            if (at < text.Length && text[at] == ']')
            {
                errorOffset = at;
                problem = "a ']' without its '['";
                return null;
            }
        }

        return steps;
    }

    // [] or ["name"], from the '[' at `at`; leaves `at` past the ']' or at the problem.
    private static bool Bracket(string text, ref int at, List<string?> steps, out string? problem)
    {
        problem = null;
        if (at + 1 < text.Length && text[at + 1] == ']')
        {
            steps.Add(null);
            at += 2;
            return true;
        }

        if (at + 1 >= text.Length || text[at + 1] != '"')
        {
            problem = "'[' starts '[]' (the elements of an array) or '[\"name\"]' (a quoted name)";
            return false;
        }

        var name = new StringBuilder();
        var i = at + 2;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] != '\\')
            {
                name.Append(text[i++]);
                continue;
            }

            if (!Escape(text, ref i, name))
            {
                at = i;
                problem = "a bad escape in a quoted name (the name is a JSON string: \\\", \\\\, \\n, \\uXXXX, ...)";
                return false;
            }
        }

        if (i + 1 >= text.Length || text[i + 1] != ']')
        {
            at = i;
            problem = "a quoted name must end with '\"]'";
            return false;
        }

        steps.Add(name.ToString());
        at = i + 2;
        return true;
    }

    private static bool Escape(string text, ref int i, StringBuilder name)
    {
        if (i + 1 >= text.Length)
        {
            return false;
        }

        var code = text[i + 1];
        switch (code)
        {
            case '"' or '\\' or '/':
                name.Append(code);
                break;
            case 'b':
                name.Append('\b');
                break;
            case 'f':
                name.Append('\f');
                break;
            case 'n':
                name.Append('\n');
                break;
            case 'r':
                name.Append('\r');
                break;
            case 't':
                name.Append('\t');
                break;
            case 'u' when i + 5 < text.Length && int.TryParse(text.Substring(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit):
                name.Append((char)unit);
                i += 6;
                return true;
            default:
                return false;
        }

        i += 2;
        return true;
    }
}
