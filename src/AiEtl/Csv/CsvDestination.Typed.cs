
namespace AiEtl.Csv;

/// <summary>A CSV destination of typed <c>[EtlRecord]</c> rows, written by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class CsvDestination<T> : CsvDestination<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a destination for the file in <paramref name="options"/>.</summary>
    public CsvDestination(CsvDestinationOptions options)
        : base(options, default)
    {
    }

    /// <summary>Creates a destination that replaces the file at <paramref name="path"/> with default options.</summary>
    public CsvDestination(string path)
        : base(new CsvDestinationOptions(path), default)
    {
    }
}
