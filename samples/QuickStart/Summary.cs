using System.Globalization;
using System.Text;
using AiEtl;

namespace QuickStart;

/// <summary>Formats a <see cref="PipelineResult"/> for a person reading a terminal.</summary>
internal static class Summary
{
    public static string Format(PipelineResult result, string input, string database)
    {
        var text = new StringBuilder();
        var seconds = Math.Max(result.Duration.TotalSeconds, 1e-6);
        text.AppendLine(CultureInfo.InvariantCulture, $"Pipeline '{result.PipelineId}' {(result.Success ? "succeeded" : "FAILED")} in {result.Duration.TotalSeconds:0.00} s ({result.RecordsExtracted / seconds:N0} rows/s)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  input        {input}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  output       {Path.GetFullPath(database)} (table customers)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  extracted    {result.RecordsExtracted,8:N0} rows");
        text.AppendLine(CultureInfo.InvariantCulture, $"  duplicates   {result.RecordsFiltered,8:N0} rows dropped (same id as an earlier row; the first is kept)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  failed       {result.RecordsFailed,8:N0} rows{(result.DeadLetterPath is { } dlq ? $" (see {dlq})" : "")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  loaded       {result.RecordsLoaded,8:N0} rows");
        if (result.StatePath is { } state)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  state        {state}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  stage time   extract {Ms(result.ExtractDuration)}, transform {Ms(result.TransformDuration)}, load {Ms(result.LoadDuration)} (stages overlap)");
        foreach (var warning in result.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  warning      {warning}");
        }

        foreach (var error in result.Errors.Take(5))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  error        [{error.Stage}] {error.Message}");
        }

        if (result.Errors.Count > 5)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ...          {result.Errors.Count - 5} more errors");
        }

        return text.ToString().TrimEnd();
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
