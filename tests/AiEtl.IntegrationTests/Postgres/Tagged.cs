
namespace AiEtl.IntegrationTests;

/// <summary>
/// A record with list fields, written by hand as the generator would (it does not emit arrays yet), so
/// the adapters' <c>ReadArray</c>/<c>WriteArray</c> paths run against real databases.
/// </summary>
public sealed record Tagged(long Id, int[] Numbers, string[]? Names, double[] Scores, DateTimeOffset[] Times, Guid[] Keys) : IEtlRecord<Tagged>
{
    public static Schema Schema { get; } = new(
        "tagged",
        [
            new Field("id", FieldType.Integer) { IsNullable = false },
            new Field("numbers", FieldType.Array) { ElementType = FieldType.Integer, IsNullable = false },
            new Field("names", FieldType.Array) { ElementType = FieldType.String },
            new Field("scores", FieldType.Array) { ElementType = FieldType.Float, IsNullable = false },
            new Field("times", FieldType.Array) { ElementType = FieldType.Timestamp, IsNullable = false },
            new Field("keys", FieldType.Array) { ElementType = FieldType.Guid, IsNullable = false },
        ])
    {
        PrimaryKey = ["id"],
    };

    public static Tagged ReadFields<TReader>(ref TReader reader)
        where TReader : IFieldReader, allows ref struct =>
        new(
            reader.ReadInt64(0),
            reader.ReadArray<int>(1),
            reader.IsNull(2) ? null : reader.ReadArray<string>(2),
            reader.ReadArray<double>(3),
            reader.ReadArray<DateTimeOffset>(4),
            reader.ReadArray<Guid>(5));

    public static void WriteFields<TWriter>(in Tagged record, ref TWriter writer)
        where TWriter : IFieldWriter, allows ref struct
    {
        writer.WriteInt64(0, record.Id);
        writer.WriteArray<int>(1, record.Numbers);
        if (record.Names is null)
        {
            writer.WriteNull(2);
        }
        else
        {
            writer.WriteArray<string>(2, record.Names);
        }

        writer.WriteArray<double>(3, record.Scores);
        writer.WriteArray<DateTimeOffset>(4, record.Times);
        writer.WriteArray<Guid>(5, record.Keys);
    }

    public bool SameAs(Tagged other) =>
        Id == other.Id && Numbers.SequenceEqual(other.Numbers) && (Names ?? []).SequenceEqual(other.Names ?? []) && (Names is null) == (other.Names is null)
        && Scores.SequenceEqual(other.Scores) && Times.SequenceEqual(other.Times) && Keys.SequenceEqual(other.Keys);
}
