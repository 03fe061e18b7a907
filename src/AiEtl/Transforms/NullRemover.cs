namespace AiEtl;

/// <summary>
/// The <c>null_remover</c> transform with <c>strategy: drop</c>: drops every row with a null in any of the listed
/// fields (all fields when none are listed), counted in <see cref="TransformerStats.RecordsFiltered"/>. It asks the
/// row's codec which fields are null (<see cref="NullFields"/>), so one implementation serves typed rows
/// (<see cref="NullRemover{T}"/>) and dynamic ones (<c>NullRemover&lt;Record, RecordCodec&gt;</c>, or
/// <see cref="RecordNullRemover"/> when the schema is only known at run time).
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <typeparam name="TCodec">How rows give their fields.</typeparam>
public class NullRemover<T, TCodec> : Transform<T>
    where TCodec : struct, IRowCodec<T>
{
    private readonly TCodec _codec;
    private readonly int[] _checked;
    private readonly int _fieldCount;

    /// <summary>Creates the transform for the fields named in <paramref name="fields"/>, or every field.</summary>
    /// <exception cref="PipelineConfigurationException">A name is not a field of the codec's schema.</exception>
    public NullRemover(TCodec codec, IReadOnlyList<string>? fields = null)
    {
        _codec = codec;
        var schema = codec.Schema;
        _fieldCount = schema.Fields.Count;
        _checked = fields is null or { Count: 0 }
            ? [.. Enumerable.Range(0, _fieldCount)]
            : [.. fields.Select(name => Ordinal(schema, name))];
    }

    /// <inheritdoc />
    public override string Name => "null_remover";

    /// <inheritdoc />
    public override bool IsConcurrencySafe => true;

    /// <inheritdoc />
    public override bool Apply(ref T row)
    {
        Span<bool> isNull = _fieldCount <= 256 ? stackalloc bool[_fieldCount] : new bool[_fieldCount];
        var fields = new NullFields(isNull);
        _codec.Write(in row, ref fields);
        foreach (var ordinal in _checked)
        {
            if (isNull[ordinal])
            {
                return false;
            }
        }

        return true;
    }

    private static int Ordinal(Schema schema, string name)
    {
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            if (string.Equals(schema.Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new PipelineConfigurationException($"null_remover: {schema.Name} has no field '{name}'; its fields are {string.Join(", ", schema.Fields.Select(f => f.Name))}");
    }
}

/// <summary>The <c>null_remover</c> (drop) of typed <c>[EtlRecord]</c> rows, through their generated code.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class NullRemover<T> : NullRemover<T, GeneratedCodec<T>>
    where T : IEtlRecord<T>
{
    /// <summary>Creates the transform for the fields named in <paramref name="fields"/> (as in the schema: snake_case), or every field.</summary>
    public NullRemover(IReadOnlyList<string>? fields = null)
        : base(default, fields)
    {
    }
}
