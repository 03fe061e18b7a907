namespace AiEtl;

/// <summary>The codec of an <c>[EtlRecord]</c> type: forwards to the generated static members, inlined per type.</summary>
/// <typeparam name="T">The record type.</typeparam>
public readonly struct GeneratedCodec<T> : IRowCodec<T>
    where T : IEtlRecord<T>
{
    /// <inheritdoc />
    public Schema Schema => T.Schema;

    /// <inheritdoc />
    public T Read<TReader>(ref TReader reader)
        where TReader : IFieldReader, allows ref struct => T.ReadFields(ref reader);

    /// <inheritdoc />
    public void Write<TWriter>(in T row, ref TWriter writer)
        where TWriter : IFieldWriter, allows ref struct => T.WriteFields(in row, ref writer);
}
