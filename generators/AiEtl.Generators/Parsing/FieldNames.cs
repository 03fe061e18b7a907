using System.Text;

namespace AiEtl.Generators;

/// <summary>Derives field names from property names.</summary>
internal static class FieldNames
{
    /// <summary>
    /// The snake_case form of a PascalCase or camelCase name: <c>SignupDate</c> is <c>signup_date</c>,
    /// <c>HTTPCode</c> is <c>http_code</c>, <c>Address2Line</c> is <c>address2_line</c>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            if (!char.IsUpper(current))
            {
                builder.Append(current);
                continue;
            }

            if (i > 0 && name[i - 1] != '_')
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLowerInvariant(current));
        }

        return builder.ToString();
    }
}
