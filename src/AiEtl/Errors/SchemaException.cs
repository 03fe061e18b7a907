namespace AiEtl;

/// <summary>A schema is missing, invalid or does not match the data or the destination.</summary>
public class SchemaException : EtlException
{
    /// <summary>Creates the exception.</summary>
    public SchemaException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }
}
