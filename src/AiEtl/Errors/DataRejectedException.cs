namespace AiEtl;

/// <summary>
/// A destination refused the data itself (a duplicate key, a value out of range, a NUL in text): writing the
/// same batch again cannot succeed, so the retry policy does not retry it and the run fails at once, with
/// the batch rolled back. Failures of the connection or the store stay <see cref="WriteException"/>s.
/// </summary>
public class DataRejectedException : EtlException
{
    /// <summary>Creates the exception.</summary>
    public DataRejectedException(string message, DataLocation? location = null, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }

    /// <summary>The store's own words for the rejection (a constraint's name, a type), without where in the batch it happened.</summary>
    public string? Reason { get; init; }
}
