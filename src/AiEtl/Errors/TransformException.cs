namespace AiEtl;

/// <summary>A transform failed on a record.</summary>
public class TransformException : EtlException
{
    /// <summary>Creates the exception.</summary>
    public TransformException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }
}
