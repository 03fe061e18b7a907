namespace AiEtl.Assist;

/// <summary>
/// The few values of a column a prompt may carry, masked with the scanner and the engine's masker: a column the scan
/// finds sensitive sends no value at all (only its kind, <c>[email]</c>), any single value a recogniser matches is
/// replaced by its kind, and what is left goes through <see cref="SensitiveDataMasker"/> (SSNs, cards, e-mails and phones
/// inside free text) before it is cut to <see cref="AssistOptions.MaxValueLength"/>.
/// </summary>
public static class MaskedSample
{
    private static readonly SensitiveDataMasker Masker = new(new MaskingOptions { Strategy = MaskingStrategy.Redact });

    /// <summary>At most <see cref="AssistOptions.MaxValuesPerColumn"/> distinct masked values of the column's evidence (its examples and counterexamples).</summary>
    public static IReadOnlyList<string> Of(ColumnInference column, SensitiveColumn? scan, AssistOptions options)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(options);
        var raw = column.Classes.SelectMany(c => c.Examples).Concat(column.Counterexamples).Select(e => e.Value);
        return [.. raw.Select(v => Mask(column.Name, v, scan, options)).Distinct(StringComparer.Ordinal).Take(Math.Max(0, options.MaxValuesPerColumn))];
    }

    /// <summary>One value as it may leave the machine.</summary>
    public static string Mask(string column, string value, SensitiveColumn? scan, AssistOptions options)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        if (scan is { IsSensitive: true })
        {
            return Label(scan.Kind);
        }

        var alone = SensitiveDataScanner.ScanColumn(column, [value]);
        if (alone.IsSensitive)
        {
            return Label(alone.Kind);
        }

        // Masked before it is cut, so a cut cannot split a pattern and let part of it through.
        var masked = Masker.Mask(value);
        return masked.Length <= options.MaxValueLength ? masked : string.Concat(masked.AsSpan(0, Math.Max(0, options.MaxValueLength)), "…");
    }

    /// <summary>Free text (a rule, a warning) with the masker's patterns redacted.</summary>
    public static string MaskText(string text) => Masker.Mask(text);

    /// <summary>The placeholder for a value of a kind: <c>[credit_card]</c>.</summary>
    public static string Label(SensitiveDataKind kind) => "[" + SensitiveKinds.NameOf(kind) + "]";
}
