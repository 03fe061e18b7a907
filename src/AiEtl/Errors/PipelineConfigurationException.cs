namespace AiEtl;

/// <summary>A pipeline's configuration is invalid.</summary>
public class PipelineConfigurationException : EtlException
{
    /// <summary>Creates the exception.</summary>
    public PipelineConfigurationException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }
}
