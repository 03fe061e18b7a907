using System.Text;

namespace AiEtl.Generators;

/// <summary>C# names for what a pipeline file names in snake_case or kebab-case: <c>customers-to-sqlite</c> is <c>CustomersToSqlitePipeline</c>.</summary>
internal static class PipelineNames
{
    public static string ClassName(string pipelineName) => PascalCase(pipelineName) + "Pipeline";

    /// <summary>The record generated from an inline schema: the <c>record:</c> name, else the schema's name in PascalCase with <c>Row</c>.</summary>
    public static string RecordName(string schemaName) => PascalCase(schemaName) + "Row";

    /// <summary>Words are runs of letters and digits; each starts with a capital. A leading digit gets an underscore.</summary>
    public static string PascalCase(string name)
    {
        var text = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            text.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }
}
