namespace AiEtl.Configuration.Env;

/// <summary>What a variable name is: letters, digits and '_', not starting with a digit.</summary>
internal static class PlaceholderSyntax
{
    public static bool IsName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
