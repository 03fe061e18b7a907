namespace AiEtl;

/// <summary>Writing to a destination failed.</summary>
public class WriteException : EtlException
{
    /// <summary>Creates the exception.</summary>
    public WriteException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }
}
