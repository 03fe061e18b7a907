
namespace AiEtl.Csv;

/// <summary>A CSV source of typed <c>[EtlRecord]</c> rows, read by their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class CsvSource<T> : CsvSource<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates a source for the file in <paramref name="options"/>.</summary>
    public CsvSource(CsvSourceOptions options)
        : base(options, default)
    {
    }

    /// <summary>Creates a source for the file at <paramref name="path"/> with default options.</summary>
    public CsvSource(string path)
        : base(new CsvSourceOptions(path), default)
    {
    }
}
