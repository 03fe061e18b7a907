using System.Text;

namespace AiEtl;

/// <summary>
/// File names for pipeline and adapter ids (state files, dead-letter folders): the id's last 48 safe characters,
/// readable in a directory listing, and a hash of the whole id, so two ids never share a file.
/// </summary>
internal static class PipelineFileNames
{
    public static string ForId(string id)
    {
        var readable = new StringBuilder(Math.Min(id.Length, 48));
        foreach (var c in id.AsSpan(Math.Max(0, id.Length - 48)))
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var hash = Sha256.HashData(Encoding.UTF8.GetBytes(id));
        return $"{readable.ToString().Trim('_', '.')}-{Convert.ToHexStringLower(hash.AsSpan(0, 4))}";
    }
}
