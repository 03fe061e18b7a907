
namespace AiEtl;

/// <summary>
/// Implemented by the source generator on every <c>[EtlRecord]</c> type, beside <see cref="IEtlRecord{TSelf}"/>:
/// checks a row against the constraints declared on its properties (not null, <c>[ValueRange]</c>,
/// <c>[Pattern]</c>, <c>[OneOf]</c>). A separate interface, so that adapters, which need only
/// <see cref="IEtlRecord{TSelf}"/>, are unchanged.
/// </summary>
/// <typeparam name="TSelf">The record type itself.</typeparam>
public interface IValidatedRecord<TSelf> : IEtlRecord<TSelf>
    where TSelf : IValidatedRecord<TSelf>
{
    /// <summary>
    /// Adds every violation of <paramref name="record"/> to <paramref name="violations"/>, in field order; adds
    /// nothing when the record is valid. Values of sensitive fields are masked.
    /// </summary>
    static abstract void Validate<TCollector>(in TSelf record, ref TCollector violations)
        where TCollector : IViolationCollector, allows ref struct;
}
