using System;
using System.Collections.Generic;
using System.Text;

namespace AiEtl.Configuration.Validation;

/// <summary>"Did you mean" for misspelt keys and values: the closest candidate by edit distance, when it is close enough.</summary>
internal static class Suggestions
{
    /// <summary>The first candidate that <paramref name="text"/> begins, else the closest one, or <see langword="null"/> when none is within a third of its length (at least 2 edits).</summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // A prefix (int for integer, updated for updated_at) is a near miss whatever its distance.
            if (text.Length >= 2 && candidate.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = Distance(text.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(2, text.Length / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary><c> (did you mean 'x'?)</c>, or empty.</summary>
    public static string DidYouMean(string text, IEnumerable<string> candidates)
    {
        var closest = Closest(text, candidates);
        return closest is null ? "" : " (did you mean '" + closest + "'?)";
    }

    /// <summary>The candidates quoted and joined: <c>'a', 'b', 'c'</c>.</summary>
    public static string List(IEnumerable<string> candidates)
    {
        var text = new StringBuilder();
        foreach (var candidate in candidates)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append('\'').Append(candidate).Append('\'');
        }

        return text.ToString();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
