using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace AiEtl.Generators.Inference;

/// <summary>
/// Infers the columns of a CSV sample as <c>CsvSchemaInference.Analyze</c> does for a source with the default options
/// (comma, a header line, no culture): each value classified (<see cref="ValueKinds"/>), each column decided by the
/// runtime's rules (<see cref="ColumnStats"/>, linked from <c>src/AiEtl/Inference</c>).
/// </summary>
/// <remarks>
/// At most <see cref="SampleSize"/> rows are read, the runtime's default sample, all from the start of the text: a
/// generator sees a file's text, not a stream to seek in, and must stay fast in the IDE for a large file.
/// </remarks>
internal static class SampleInference
{
    /// <summary>The rows read: <c>SchemaInferenceOptions.SampleSize</c>'s default.</summary>
    public const int SampleSize = 1000;

    /// <summary>The confidence under which a column is unsure: <c>SchemaInferenceOptions.MinConfidence</c>'s default.</summary>
    public const double MinConfidence = 0.95;

    /// <summary>The inferred columns of <paramref name="text"/>, or an empty list when it has no header line.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="rows">How many data rows were read (at most <paramref name="sampleSize"/>).</param>
    /// <param name="sampleSize">The most rows to read.</param>
    public static IReadOnlyList<(Field Field, ColumnInference Evidence)> Infer(string text, out int rows, int sampleSize = SampleSize) =>
        Infer(SourceText.From(text), out rows, out _, sampleSize);

    /// <summary>
    /// The inferred columns of <paramref name="text"/> and what <c>SensitiveDataScanner.ScanColumn</c> finds in each
    /// (the same rows: <c>aietl scan</c> reads the first 1000 too).
    /// </summary>
    /// <remarks>Only the characters of the header and the sampled rows are read from <paramref name="text"/>: a large file costs no more than its start.</remarks>
    public static IReadOnlyList<(Field Field, ColumnInference Evidence)> Infer(SourceText text, out int rows, out IReadOnlyList<SensitiveColumn> sensitive, int sampleSize = SampleSize)
    {
        var reader = new CsvText(text);
        rows = 0;
        sensitive = [];
        if (reader.ReadRecord() is not { } header)
        {
            return [];
        }

        var kinds = new ValueKinds();
        var columns = new List<ColumnStats>();
        var values = new List<List<string>>();
        while (rows < sampleSize && reader.ReadRecord() is { } record)
        {
            rows++;
            for (var i = 0; i < record.Count; i++)
            {
                while (columns.Count <= i)
                {
                    columns.Add(new ColumnStats());
                    values.Add([]);
                }

                values[i].Add(record[i]);
                if (record[i].Length == 0)
                {
                    columns[i].Nulls++;
                }
                else
                {
                    columns[i].Add(record[i], kinds, rows, null);
                }
            }
        }

        var result = new List<(Field, ColumnInference)>();
        var scanned = new List<SensitiveColumn>();
        var count = header.Count > columns.Count ? header.Count : columns.Count;
        for (var i = 0; i < count; i++)
        {
            var name = i < header.Count ? header[i].Trim() : "column_" + (i + 1);
            var stats = i < columns.Count ? columns[i] : new ColumnStats();
            stats.Nulls += rows - stats.Nulls - stats.Values - stats.Tokens;
            result.Add(stats.ToField(name, rows, "values", MinConfidence, kinds.DeclaredOrders));
            scanned.Add(SensitiveDataScanner.ScanColumn(name, i < values.Count ? values[i] : []));
        }

        sensitive = scanned;
        return result;
    }

    // RFC 4180 records: fields split at commas, quoted fields with doubled quotes and line breaks, CRLF or LF; a BOM skipped.
    private sealed class CsvText(SourceText text)
    {
        private int _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        public List<string>? ReadRecord()
        {
            if (_position >= text.Length)
            {
                return null;
            }

            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (_position < text.Length && text[_position] == '"')
                    {
                        field.Append('"');
                        _position++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && _position < text.Length && text[_position] == '\n')
                    {
                        _position++;
                    }

                    break;
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            return fields;
        }
    }
}
