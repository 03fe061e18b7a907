namespace AiEtl.Tests.Inference;

/// <summary>
/// <see cref="ValueKind.IsSameAs"/> and <see cref="ValueKind.Sameness"/> tell what the record's equality tells (and equal kinds hash alike): random pairs of kinds, each part drawn from a
/// few values so that most pairs differ in one part only, or not at all.
/// </summary>
public sealed class ValueKindSamenessTests
{
    [Fact]
    public void Sameness_is_record_equality()
    {
        var random = new Random(9);
        var (same, differing) = (0, 0);
        for (var i = 0; i < 200_000; i++)
        {
            var a = Random(random);
            var b = random.Next(3) == 0 ? a : OnePartChanged(a, random);
            Assert.True(a.IsSameAs(in b) == a.Equals(b), $"{a} and {b}");
            Assert.True(ValueKind.Sameness.Equals(a, b) == a.Equals(b), $"{a} and {b} by the comparer");
            Assert.True(!a.Equals(b) || ValueKind.Sameness.GetHashCode(a) == ValueKind.Sameness.GetHashCode(b), $"{a} and {b}: equal, hashed apart");
            _ = a.Equals(b) ? same++ : differing++;
        }

        Assert.True(same > 50_000 && differing > 50_000, $"{same} same, {differing} differing");
    }

    private static ValueKind Random(Random random) => new(
        (FieldType)random.Next(4), random.Next(3), random.Next(2) == 0, (DateOrder)random.Next(3), (DateOrder)random.Next(3),
        random.Next(2) == 0, (ValueShape)random.Next(3), random.Next(-1, 2), random.Next(3));

    private static ValueKind OnePartChanged(ValueKind kind, Random random) => random.Next(9) switch
    {
        0 => kind with { Kind = (FieldType)random.Next(4) },
        1 => kind with { Readable = random.Next(3) },
        2 => kind with { Grouped = random.Next(2) == 0 },
        3 => kind with { Orders = (DateOrder)random.Next(3) },
        4 => kind with { SourceOrder = (DateOrder)random.Next(3) },
        5 => kind with { Differs = random.Next(2) == 0 },
        6 => kind with { Shape = (ValueShape)random.Next(3) },
        7 => kind with { Decimals = random.Next(-1, 2) },
        _ => kind with { Digits = random.Next(3) },
    };
}
