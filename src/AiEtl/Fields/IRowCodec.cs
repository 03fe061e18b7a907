namespace AiEtl;

/// <summary>
/// Reads and writes rows of type <typeparamref name="T"/> through field readers and writers. Adapters
/// take the codec as a struct type parameter, so one adapter implementation serves typed rows
/// (<see cref="GeneratedCodec{T}"/>, which forwards to generated static code and costs nothing) and
/// dynamic <see cref="Record"/> rows (<see cref="RecordCodec"/>, schema known at run time).
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public interface IRowCodec<T>
{
    /// <summary>The schema of the rows; field ordinals are indexes into its fields.</summary>
    Schema Schema { get; }

    /// <summary>Builds a row from a field reader.</summary>
    T Read<TReader>(ref TReader reader)
        where TReader : IFieldReader, allows ref struct;

    /// <summary>Writes every field of a row, in ordinal order.</summary>
    void Write<TWriter>(in T row, ref TWriter writer)
        where TWriter : IFieldWriter, allows ref struct;
}
