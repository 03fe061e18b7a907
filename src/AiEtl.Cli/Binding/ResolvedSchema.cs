using AiEtl.Csv;

namespace AiEtl.Cli.Binding;

/// <summary>
/// The schema of a pipeline's rows, and for an inferred CSV schema the options the file must be read with for it
/// (the null tokens and the decimal comma that the inference found).
/// </summary>
/// <param name="Schema">The schema.</param>
/// <param name="CsvReadOptions">The CSV source's options adapted to the inferred schema, or <see langword="null"/> to read with the configured ones.</param>
internal sealed record ResolvedSchema(Schema Schema, CsvSourceOptions? CsvReadOptions = null);
