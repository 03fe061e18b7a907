namespace AiEtl;

/// <summary>Reading or saving incremental state failed.</summary>
public class StateException : EtlException
{
    /// <summary>Creates the exception.</summary>
    public StateException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }
}
