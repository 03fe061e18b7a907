using System.Globalization;
using System.Text.Json;

namespace AiEtl.Cli.Output;

/// <summary>The end of a run, as a table for people (<c>--output text</c>) or one JSON object for programs (<c>--output json</c>).</summary>
internal static class RunSummary
{
    public static void WriteText(TextWriter writer, PipelineResult result)
    {
        var status = result.Success ? "succeeded" : result.Cancelled ? "cancelled" : result.TimedOut ? "timed out" : "failed";
        writer.WriteLine($"pipeline {result.PipelineId} {status} in {Seconds(result.Duration)} s");
        Row(writer, "extracted", result.RecordsExtracted);
        Row(writer, "transformed", result.RecordsTransformed);
        Row(writer, "filtered", result.RecordsFiltered);
        Row(writer, "loaded", result.RecordsLoaded);
        Row(writer, "failed", result.RecordsFailed);
        writer.WriteLine($"  {"durations",-12} extract {Seconds(result.ExtractDuration)} s, transform {Seconds(result.TransformDuration)} s, load {Seconds(result.LoadDuration)} s");
        if (result.AvgQualityScore is { } quality)
        {
            writer.WriteLine($"  {"quality",-12} {quality.ToString("0.000", CultureInfo.InvariantCulture)}");
        }

        if (result.RecordsFailed > 0 && result.DeadLetterPath is { } dlq)
        {
            writer.WriteLine($"  {"dead letters",-12} {dlq}");
        }

        if (result.StatePath is { } state)
        {
            writer.WriteLine($"  {"state",-12} {state}");
        }

        foreach (var warning in result.Warnings)
        {
            writer.WriteLine("  warning: " + warning);
        }

        foreach (var error in result.Errors.Take(20))
        {
            writer.WriteLine($"  error ({error.Stage.ToString().ToLowerInvariant()}, {error.ErrorType}): {error.Message}");
        }

        if (result.Errors.Count > 20)
        {
            writer.WriteLine($"  ... and {result.Errors.Count - 20} more errors");
        }
    }

    public static void WriteJson(Stream output, PipelineResult result)
    {
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("pipeline_id", result.PipelineId);
            json.WriteBoolean("success", result.Success);
            json.WriteString("status", result.Success ? "succeeded" : result.Cancelled ? "cancelled" : result.TimedOut ? "timed_out" : "failed");
            json.WriteNumber("records_extracted", result.RecordsExtracted);
            json.WriteNumber("records_transformed", result.RecordsTransformed);
            json.WriteNumber("records_filtered", result.RecordsFiltered);
            json.WriteNumber("records_loaded", result.RecordsLoaded);
            json.WriteNumber("records_failed", result.RecordsFailed);
            json.WriteString("start_time", result.StartTime);
            json.WriteString("end_time", result.EndTime);
            json.WriteNumber("duration_seconds", Math.Round(result.Duration.TotalSeconds, 3));
            json.WriteNumber("extract_duration", Math.Round(result.ExtractDuration.TotalSeconds, 3));
            json.WriteNumber("transform_duration", Math.Round(result.TransformDuration.TotalSeconds, 3));
            json.WriteNumber("load_duration", Math.Round(result.LoadDuration.TotalSeconds, 3));
            if (result.AvgQualityScore is { } quality)
            {
                json.WriteNumber("avg_quality_score", quality);
            }
            else
            {
                json.WriteNull("avg_quality_score");
            }

            Nullable(json, "dead_letter_path", result.DeadLetterPath);
            Nullable(json, "state_path", result.StatePath);
            json.WriteBoolean("timed_out", result.TimedOut);
            json.WriteBoolean("cancelled", result.Cancelled);
            json.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                json.WriteStartObject();
                json.WriteString("stage", error.Stage.ToString().ToLowerInvariant());
                json.WriteString("error_type", error.ErrorType);
                json.WriteString("message", error.Message);
                Nullable(json, "record_id", error.RecordId);
                json.WriteBoolean("retryable", error.Retryable);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
        output.Flush();
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Row(TextWriter writer, string name, long count) =>
        writer.WriteLine($"  {name,-12} {count.ToString("N0", CultureInfo.InvariantCulture),12} rows");

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
