namespace AiEtl;

/// <summary>
/// Implemented by the source generator on every <c>[EtlRecord]</c> type. Static abstract members let
/// generic adapters specialise per record type: no reflection, no boxing, no dictionary per row.
/// </summary>
/// <typeparam name="TSelf">The record type itself.</typeparam>
public interface IEtlRecord<TSelf>
    where TSelf : IEtlRecord<TSelf>
{
    /// <summary>The record's schema; field ordinals are indexes into <see cref="Schema.Fields"/>.</summary>
    static abstract Schema Schema { get; }

    /// <summary>Builds a record from a row.</summary>
    static abstract TSelf ReadFields<TReader>(ref TReader reader)
        where TReader : IFieldReader, allows ref struct;

    /// <summary>Writes every field of a record, in ordinal order.</summary>
    static abstract void WriteFields<TWriter>(in TSelf record, ref TWriter writer)
        where TWriter : IFieldWriter, allows ref struct;
}
