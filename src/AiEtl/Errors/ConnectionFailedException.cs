namespace AiEtl;

/// <summary>Connecting to a source or destination failed.</summary>
public class ConnectionFailedException : EtlException
{
    /// <summary>Creates the exception.</summary>
    public ConnectionFailedException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }
}
