using System.Buffers;
using System.Text;
using AiEtl.Internal;

namespace AiEtl.Csv;

/// <summary>
/// Writes rows to a CSV file: RFC 4180 quoting, invariant culture, ISO dates, in the forms
/// <see cref="CsvSource{T, TCodec}"/> reads back exactly. Replaces the file or appends to it (no second
/// header), compressed with gzip, zip, bz2 or zstd; transactional through a temp file beside the
/// target that replaces it atomically when the run completes (see <see cref="FileDestination{T}"/>).
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows give their fields: <see cref="GeneratedCodec{T}"/> or <see cref="RecordCodec"/>.</typeparam>
public class CsvDestination<T, TCodec> : FileDestination<T>
    where TCodec : struct, IRowCodec<T>
{
    private readonly CsvDestinationOptions _options;
    private readonly TCodec _codec;
    private readonly CsvWriteFormat _format;

    /// <summary>Creates a destination for the file in <paramref name="options"/>, writing rows with <paramref name="codec"/>.</summary>
    public CsvDestination(CsvDestinationOptions options, TCodec codec)
        : base((options ?? throw new ArgumentNullException(nameof(options))).Path, options.WriteMode, options.Compression, options.Encoding, options.CompressionLevel, options.SchemaMode)
    {
        _options = options;
        _codec = codec;
        _format = new CsvWriteFormat(options);
    }

    /// <inheritdoc />
    public override string DestinationType => "csv";

    /// <inheritdoc />
    protected override void OnSchema(Schema schema) => TableComparison.RequireCodecFields(_codec.Schema, schema, new DataLocation(DisplayPath));

    /// <inheritdoc />
    protected override void CheckOptions()
    {
        if (_options.Delimiter is '\r' or '\n' || _options.Delimiter == _options.Quote || _options.Delimiter > 127 || _options.Quote > 127)
        {
            throw new PipelineConfigurationException("the delimiter and the quote must be two different ASCII characters other than a line break", new DataLocation(DisplayPath));
        }

        if (_options.NewLine is not ("\r\n" or "\n"))
        {
            throw new PipelineConfigurationException("the new line must be \"\\r\\n\" or \"\\n\"", new DataLocation(DisplayPath));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A CSV row is matched to its columns by position: appended under a header that names other columns, or the same
    /// ones in another order, its values would land in the wrong columns, so every difference counts, strict or not.
    /// A file without a header can only be compared by its first row's number of fields.
    /// </remarks>
    protected override void CheckExisting(Stream content, bool strict)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fields = _codec.Schema.Fields.Select(f => f.Name).ToList();
        var source = new CsvSourceOptions(DisplayPath) { Delimiter = _options.Delimiter, Quote = _options.Quote, Encoding = _options.Encoding, HasHeader = _options.HasHeader };
        using var csv = CsvHelper.CsvReader.Create(content, CsvSample.ReaderOptions(source, _options.HasHeader), leaveOpen: true);
        var what = strict ? "the existing file" : "the file to append to";
        if (_options.HasHeader)
        {
            var header = csv.Headers.ToList();
            if (ColumnDifference.Describe(header, fields, orderMatters: true) is { } difference)
            {
                throw new SchemaException(
                    $"{what} has the header '{string.Join(_options.Delimiter, header)}', not '{string.Join(_options.Delimiter, fields)}' of {_codec.Schema.Name}: {difference}",
                    new DataLocation(DisplayPath) { Line = 1 });
            }
        }
        else if (csv.Read() && csv.FieldCount != fields.Count)
        {
            throw new SchemaException($"{what} has rows of {csv.FieldCount} fields, not the {fields.Count} of {_codec.Schema.Name} (it has no header to compare by name)", new DataLocation(DisplayPath) { Line = 1 });
        }
    }

    /// <inheritdoc />
    protected override bool PrepareAppend(FileStream copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (Compression != FileCompression.None)
        {
            return true;
        }

        // A file that does not end with a line break gets one, so the first new row starts its own record.
        copy.Seek(-1, SeekOrigin.End);
        if (copy.ReadByte() != '\n')
        {
            copy.Write(Encoding.UTF8.GetBytes(_options.NewLine));
        }

        return true;
    }

    /// <inheritdoc />
    protected override void WritePrologue(IBufferWriter<byte> output)
    {
        if (_options.HasHeader)
        {
            new CsvFieldWriter(output, _format).WriteHeader(_codec.Schema);
        }
    }

    /// <inheritdoc />
    protected override void WriteRows(ReadOnlySpan<T> rows, IBufferWriter<byte> output, long rowsBefore)
    {
        var writer = new CsvFieldWriter(output, _format);
        foreach (ref readonly var row in rows)
        {
            _codec.Write(in row, ref writer);
            writer.EndRecord();
        }
    }
}
