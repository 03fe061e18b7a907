namespace AiEtl;

/// <summary>Turns the exception that stopped a run into the <see cref="PipelineError"/> its result reports.</summary>
internal static class PipelineErrors
{
    public static PipelineError From(Exception error, PipelineStage stage) => error switch
    {
        EtlException etl => new PipelineError(StageOf(etl, stage), etl.GetType().Name, etl.Message)
        {
            Location = etl.Location,
            Retryable = etl is ConnectionFailedException or ReadException or WriteException,
        },
        _ => new PipelineError(stage, error.GetType().Name, error.Message) { StackTrace = error.StackTrace },
    };

    // An adapter's exception type names the stage it belongs to, whichever stage's task it surfaced in.
    private static PipelineStage StageOf(EtlException error, PipelineStage fallback) => error switch
    {
        ReadException => PipelineStage.Extract,
        TransformException => PipelineStage.Transform,
        WriteException => PipelineStage.Load,
        _ => fallback,
    };
}
