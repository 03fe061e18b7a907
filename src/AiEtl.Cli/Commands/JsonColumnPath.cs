using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiEtl.Cli.Commands;

/// <summary>
/// The name <c>aietl scan</c> gives a value nested in a JSON field: the field, then <c>.name</c> for each property inside
/// it and <c>[]</c> for the elements of an array (<c>contact.email</c>, <c>orders[].email</c>, <c>tags[]</c>), as jq,
/// pandas' <c>json_normalize</c> and JSONPath spell them. A nested property whose name is empty or holds <c>.</c>,
/// <c>[</c> or <c>]</c> is written <c>["a.b"]</c>, so that a path reads only one way.
/// </summary>
internal static class JsonColumnPath
{
    public static string Property(string parent, string name) =>
        IsPlain(name) ? parent + "." + name : parent + "[\"" + JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"]";

    public static string Elements(string parent) => parent + "[]";

    private static bool IsPlain(string name) => name.Length > 0 && name.AsSpan().IndexOfAny(".[]") < 0;
}
