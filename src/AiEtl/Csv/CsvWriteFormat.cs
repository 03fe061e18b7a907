using System.Buffers;
using System.Text;

namespace AiEtl.Csv;

/// <summary>The bytes a CSV writer uses, prepared once per destination.</summary>
internal sealed class CsvWriteFormat
{
    public CsvWriteFormat(CsvDestinationOptions options)
    {
        Delimiter = checked((byte)options.Delimiter);
        Quote = checked((byte)options.Quote);
        NullText = options.NullValue;
        NullValue = Encoding.UTF8.GetBytes(options.NullValue);
        NewLine = Encoding.UTF8.GetBytes(options.NewLine);
        Special = SearchValues.Create([options.Delimiter, options.Quote, '\r', '\n']);
        SpecialBytes = SearchValues.Create([Delimiter, Quote, (byte)'\r', (byte)'\n']);
    }

    public byte Delimiter { get; }

    public byte Quote { get; }

    public string NullText { get; }

    public byte[] NullValue { get; }

    public byte[] NewLine { get; }

    public SearchValues<char> Special { get; }

    public SearchValues<byte> SpecialBytes { get; }
}
