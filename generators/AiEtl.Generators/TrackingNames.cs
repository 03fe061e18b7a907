namespace AiEtl.Generators;

/// <summary>
/// Names of the incremental steps, given with <c>WithTrackingName</c> so that tests can check which steps
/// ran again after an edit.
/// </summary>
internal static class TrackingNames
{
    /// <summary>Each [EtlRecord] declaration parsed into a <see cref="Result{TValue}"/>.</summary>
    public const string ParseRecords = "EtlRecord.Parse";

    /// <summary>Each CSV <c>AdditionalFiles</c> item inferred into a <see cref="RecordSample"/>.</summary>
    public const string RecordSamples = "EtlRecord.Samples";

    /// <summary>Each parsed record with the columns of its sample added (records without a sample pass unchanged).</summary>
    public const string SampleRecords = "EtlRecord.SampleRecords";

    /// <summary>The <see cref="EtlRecordSpec"/> values that code is generated from.</summary>
    public const string RecordSpecs = "EtlRecord.Specs";

    /// <summary>The diagnostics found while parsing.</summary>
    public const string Diagnostics = "EtlRecord.Diagnostics";

    public const string Project = "Pipeline.Project";

    public const string ParsePipelines = "Pipeline.Parse";

    public const string ParseAttributedPipelines = "Pipeline.ParseAttributed";

    public const string PlainTypes = "Pipeline.PlainTypes";

    public const string RecordList = "Pipeline.Records";

    public const string CsvSamples = "Pipeline.CsvSamples";

    public const string CheckPipelines = "Pipeline.Check";

    public const string PipelinePlans = "Pipeline.Plans";

    public const string Registry = "Pipeline.Registry";
}
