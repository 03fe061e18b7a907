using System.Globalization;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] infers with the same rules.
namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>One sampled value and where it was read: its data row (1 for the first row after the header) or, for a value read from the middle of a file, the byte offset of its row.</summary>
/// <param name="Value">The value as written.</param>
/// <param name="Row">The data row, counted from the start of the file; null when the row was read after a seek.</param>
/// <param name="ByteOffset">The byte offset of the row in the file when it was read after a seek; otherwise null.</param>
public sealed record ValueExample(string Value, long? Row, long? ByteOffset = null)
{
    /// <summary>The value in quotes and its place: <c>'00797' (row 12)</c> or <c>'x' (row at byte 10240)</c>.</summary>
    public override string ToString() => Row is { } row
        ? string.Create(CultureInfo.InvariantCulture, $"'{Value}' (row {row})")
        : string.Create(CultureInfo.InvariantCulture, $"'{Value}' (row at byte {ByteOffset})");
}
