namespace AiEtl;

/// <summary>Reading from a source failed.</summary>
public class ReadException : EtlException
{
    /// <summary>Creates the exception.</summary>
    public ReadException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }
}
