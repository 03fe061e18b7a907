using System.Buffers;

namespace AiEtl.Tests.Engine;

/// <summary>The deduplicator's memory: 16 bytes a key in a delta, restored whole in another process.</summary>
public sealed class DeduplicatorTests
{
    [Fact]
    public void The_memory_taken_as_deltas_restores_a_new_deduplicator_that_drops_the_same_keys()
    {
        var first = new Deduplicator<(int, string), (int, string)>(row => row);
        first.RestoreState([]);
        var rows = new[] { (1, "a"), (2, "a"), (1, "a"), (1, "b") };
        var kept = rows.Where(row => first.Apply(ref row)).ToList();
        var delta = new ArrayBufferWriter<byte>();
        first.TakeStateDelta(delta);

        var resumed = new Deduplicator<(int, string), (int, string)>(row => row);
        resumed.RestoreState(delta.WrittenSpan);

        Assert.Equal([(1, "a"), (2, "a"), (1, "b")], kept);
        Assert.Equal(3 * 16, delta.WrittenCount);
        Assert.Equal(3, resumed.KeyCount);
        var again = (1, "b");
        var next = (3, "a");
        Assert.False(resumed.Apply(ref again));
        Assert.True(resumed.Apply(ref next));
    }

    [Fact]
    public void Keys_whose_text_joins_the_same_way_stay_apart()
    {
        var deduplicator = new Deduplicator<(string, string), (string, string)>(row => row);
        var left = ("a,b", "c");
        var right = ("a", "b,c");

        Assert.True(deduplicator.Apply(ref left));
        Assert.True(deduplicator.Apply(ref right));
    }

    [Fact]
    public void A_deduplicator_without_a_checkpoint_keeps_no_deltas()
    {
        var deduplicator = new Deduplicator<int, int>(row => row);
        for (var i = 0; i < 100; i++)
        {
            deduplicator.Apply(ref i);
        }

        var delta = new ArrayBufferWriter<byte>();
        deduplicator.TakeStateDelta(delta);

        Assert.Equal(0, delta.WrittenCount);
        Assert.Equal(100, deduplicator.KeyCount);
    }

    [Fact]
    public void A_stored_memory_that_is_not_whole_key_hashes_is_refused()
    {
        var error = Assert.Throws<StateException>(() => new Deduplicator<int, int>(row => row).RestoreState(new byte[17]));

        Assert.Contains("17 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_its_bound_it_still_drops_a_repeated_key_and_fails_only_on_a_new_one()
    {
        var deduplicator = new Deduplicator<int, int>(row => row, new DeduplicatorOptions { MaxKeys = 2 });
        int[] rows = [1, 2, 1, 2];

        var kept = rows.Where(row => deduplicator.Apply(ref row)).ToList();
        var third = 3;

        Assert.Equal([1, 2], kept);
        var error = Assert.Throws<PipelineConfigurationException>(() => deduplicator.Apply(ref third));
        Assert.Contains("more than 2 distinct keys", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, deduplicator.KeyCount);
    }
}
