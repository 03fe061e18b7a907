using System.Globalization;
using System.Text;

namespace AiEtl.Cli.Binding;

/// <summary>The deduplication key of a dynamic row: its key fields' values, each tagged with its type and length so that different keys never join to the same text.</summary>
internal static class RecordKey
{
    public static string Of(Record row, string[] fields)
    {
        var key = new StringBuilder();
        foreach (var field in fields)
        {
            var value = row[field];
            var text = value switch
            {
                null or DBNull => "",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            key.Append(value is null or DBNull ? 'n' : 'v').Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
        }

        return key.ToString();
    }
}
