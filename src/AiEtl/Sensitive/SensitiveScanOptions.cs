#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>How columns are scanned for sensitive data.</summary>
public sealed record SensitiveScanOptions
{
    /// <summary>How many rows are scanned from the start of the file.</summary>
    public int SampleSize { get; init; } = 1000;

    /// <summary>The score from which a column is reported sensitive.</summary>
    public double Threshold { get; init; } = 0.6;
}
