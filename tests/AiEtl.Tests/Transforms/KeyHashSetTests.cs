namespace AiEtl.Tests.Transforms;

/// <summary>The deduplicator's set of key hashes, against <see cref="HashSet{T}"/> as the oracle.</summary>
public sealed class KeyHashSetTests
{
    public static TheoryData<string> Shapes => ["random", "sequential", "high half only", "multiples of 2^20", "zero and ones"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void It_holds_exactly_what_a_hash_set_holds_through_growth(string shape)
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 50_000).Select(i => shape switch
        {
            "random" => new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64()),
            "sequential" => (UInt128)(ulong)(i % 30_000),
            "high half only" => new UInt128((ulong)(i % 30_000), 0),
            "multiples of 2^20" => (UInt128)(ulong)(i % 30_000) << 20,
            _ => (UInt128)(ulong)(i % 2),
        }).ToList();
        var set = new KeyHashSet();
        var oracle = new HashSet<UInt128>();

        foreach (var key in keys)
        {
            Assert.Equal(oracle.Add(key), set.Add(key));
        }

        Assert.Equal(oracle.Count, set.Count);
        Assert.All(oracle, key => Assert.True(set.Contains(key)));
        Assert.False(set.Contains(new UInt128(ulong.MaxValue, ulong.MaxValue)));
    }

    [Fact]
    public void A_set_made_room_for_keeps_what_it_held_and_takes_more()
    {
        var set = new KeyHashSet();
        set.Add(UInt128.Zero);
        set.Add(5);
        set.EnsureCapacity(100_000);

        Assert.True(set.Contains(UInt128.Zero));
        Assert.True(set.Contains(5));
        Assert.False(set.Add(5));
        Assert.True(set.Add(6));
        Assert.Equal(3, set.Count);
    }
}
