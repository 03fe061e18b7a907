namespace AiEtl;

/// <summary>The base of every error the framework raises on purpose.</summary>
public class EtlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EtlException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(location is null ? message : $"{location}: {message}", innerException)
    {
        Location = location;
    }

    /// <summary>Where in the input the problem is, when it is tied to one place.</summary>
    public DataLocation? Location { get; }
}
