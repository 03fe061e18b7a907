using System.Text;
using AiEtl.Cli.Binding;
using AiEtl.Configuration.Model;
using AiEtl.Csv;
using AiEtl.Json;

namespace AiEtl.Cli.DeadLetters;

/// <summary>The reader of a <see cref="ReplayInputFile"/>: the pipeline's source options (delimiter, null values, formats) on the plain UTF-8 file.</summary>
internal static class ReplaySources
{
    // csv: the options the pipeline's CSV source reads with, inferred null tokens and decimal comma included, as aietl run reads.
    public static ISource<Record> For(ReplayInput input, string path, PipelineConfiguration config, Schema schema, CsvSourceOptions? csv)
    {
        var codec = PipelineBinder.Codec(schema, input == ReplayInput.CsvLine ? "csv" : "jsonl", path);
        switch (input)
        {
            case ReplayInput.CsvLine:
                csv ??= PipelineBinder.CsvOptions(config, new BindingProblems(config.FilePath))
                    ?? throw new InvalidOperationException("the source's CSV options were bound before");
                return new CsvSource<Record, RecordCodec>(csv with { Path = path, Compression = FileCompression.None, Encoding = new UTF8Encoding(false) }, codec);
            case ReplayInput.JsonLine:
                return new JsonSource<Record, RecordCodec>(PipelineBinder.JsonOptions(config) with { Path = path, Format = JsonFormat.Lines, Compression = FileCompression.None }, codec);
            default:
                // The row as the engine stored it: every field of the schema by name.
                return new JsonSource<Record, RecordCodec>(new JsonSourceOptions(path) { Format = JsonFormat.Lines, Compression = FileCompression.None, IgnorePropertyCase = true }, codec);
        }
    }
}
