namespace AiEtl;

/// <summary>The builder steps of dynamic <see cref="Record"/> rows that change their fields.</summary>
public static class RecordPipelineBuilderExtensions
{
    /// <summary>Adds a step that keeps only <paramref name="fields"/>, in that order (a <see cref="RecordSelect"/>).</summary>
    public static PipelineBuilder<Record> Select(this PipelineBuilder<Record> builder, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Transform(new RecordSelect(fields));
    }

    /// <summary>Adds a step that renames fields, each <c>(From, To)</c> (a <see cref="RecordRename"/>).</summary>
    public static PipelineBuilder<Record> Rename(this PipelineBuilder<Record> builder, params (string From, string To)[] names)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(names);
        return builder.Transform(new RecordRename(names.ToDictionary(n => n.From, n => n.To, StringComparer.Ordinal)));
    }
}
