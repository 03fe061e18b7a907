using System.Text;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
using System.Collections.Generic;
using System.Linq;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>The words of a column name, lower case: <c>CustomerID</c>, <c>customer_id</c> and <c>customer-id</c> are all "customer", "id".</summary>
internal static class NameWords
{
    public static IReadOnlyList<string> Of(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, word);
                continue;
            }

            // A capital starts a word after a small letter (customerId), or ends a run of capitals before a small one (IDNumber).
            var boundary = char.IsUpper(c) && word.Length > 0
                && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary)
            {
                Flush(words, word);
            }

            word.Append(char.ToLowerInvariant(c));
        }

        Flush(words, word);
        return words;
    }

    /// <summary>Whether a word of <paramref name="name"/> is one of <paramref name="words"/>, or their run joined is (<c>zip_code</c> for "zipcode").</summary>
    public static bool Has(string name, ISet<string> words)
    {
        var of = Of(name);
        return of.Any(words.Contains) || words.Contains(string.Concat(of));
    }

    private static void Flush(List<string> words, StringBuilder word)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
