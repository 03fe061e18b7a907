namespace AiEtl.Generators;

/// <summary>
/// What a CSV <c>AdditionalFiles</c> item gives an <c>[EtlRecord(Sample = ...)]</c> type: its columns as inferred, as
/// plain data, so the file is inferred once per change of its text and the result, not the text, stays in the cache.
/// </summary>
/// <param name="FilePath">The file's path.</param>
/// <param name="Rows">The data rows read (at most the runtime's default sample of 1000).</param>
/// <param name="Columns">The columns in file order; empty when the file has no header line.</param>
internal sealed record RecordSample(string FilePath, int Rows, EquatableArray<SampleColumn> Columns);

/// <summary>One inferred column of a <see cref="RecordSample"/>.</summary>
/// <param name="Name">The header.</param>
/// <param name="Type">The inferred <c>AiEtl.FieldType</c> member.</param>
/// <param name="IsNullable">Whether a sampled value was null (or the column had no values).</param>
/// <param name="Confidence">How sure the inference is, 0 to 1.</param>
/// <param name="IsUnsure">Whether the confidence is under the runtime's threshold (0.95).</param>
/// <param name="Rule">The rule that decided the type, in the runtime's words.</param>
/// <param name="Doubts">The first values that caused the doubt, with their rows (<c>'x' (row 12)</c>).</param>
/// <param name="Sensitive">The <c>AiEtl.SensitiveKind</c> member to mask the column with, when <c>aietl scan</c> finds personal data in it; otherwise <see langword="null"/>.</param>
/// <param name="SensitiveEvidence">What the scan found (<c>Email: 100 % of 1000 values match; ...</c>), when <paramref name="Sensitive"/> is set.</param>
internal sealed record SampleColumn(string Name, string Type, bool IsNullable, double Confidence, bool IsUnsure, string Rule, string Doubts, string? Sensitive, string? SensitiveEvidence);

/// <summary>The <c>Sample</c> argument of an <c>[EtlRecord]</c>: the path as written and where it is written.</summary>
/// <param name="Path">The path, relative to the project folder.</param>
/// <param name="Location">The argument, for the diagnostics about the sample.</param>
internal sealed record SampleRequest(string Path, LocationInfo? Location);

/// <summary>A property the generator declares for a sample column.</summary>
/// <param name="TypeName">The property's type, as C# (<c>long?</c>, <c>global::System.DateOnly</c>).</param>
/// <param name="Summary">Its XML documentation summary, escaped: the column, the sample and the rule that decided the type.</param>
internal sealed record InferredProperty(string TypeName, string Summary);
