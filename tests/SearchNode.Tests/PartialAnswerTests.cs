using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pursearch.Core.Catalog;
using Pursearch.Core.Versions;
using Pursearch.Index;
using Pursearch.SearchNode.Search;
using Pursearch.SearchNode.Shards;
using Pursearch.SearchNode.Tests.World;

namespace Pursearch.SearchNode.Tests;

[Collection(NodeCollection.Name)]
public sealed class PartialAnswerTests(SmallWorld world)
{
    private const int SlowShard = 3;
    private const int BrokenShard = 5;

    [Fact]
    public async Task A_slow_and_a_failing_shard_make_the_answer_partial_and_say_which()
    {
        await using var node = await TestNode.StartAsync(world,
            settings => settings with { Search = new SearchSettings { ShardDeadline = TimeSpan.FromSeconds(2) } },
            services => services.Replace(ServiceDescriptor.Singleton<IShardHost>(sp =>
                new FaultyShards(sp.GetRequiredService<LocalShardHost>()))));

        var r = await Requests.SearchAsync(node.Http, world.StreetPhotos[0], "?k=20");

        // The slow shard would take 60 s; the scatter-gather gave up on it at the 2 s deadline.
        var searchMs = r.GetProperty("timingsMs").GetProperty("search").GetDouble();
        Assert.True(searchMs < 20_000, $"the search stage waited {searchMs} ms for the slow shard");
        Assert.True(r.GetProperty("partial").GetBoolean());
        Assert.Equal([SlowShard, BrokenShard], r.GetProperty("missingShards").EnumerateArray().Select(s => s.GetInt32()).Order());
        var plan = r.GetProperty("plan");
        Assert.Equal(6, plan.GetProperty("hnsw").GetInt32() + plan.GetProperty("exact").GetInt32());
        var results = r.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, x => Assert.DoesNotContain(
            ShardFunction.ShardOf(ProductId.Parse(x.GetProperty("productId").GetString()!), 8), new[] { SlowShard, BrokenShard }));
    }

    /// <summary>The real shards, with one answering late and one failing, as a lost cluster member would.</summary>
    private sealed class FaultyShards(IShardHost inner) : IShardHost
    {
        public IndexGeneration? LiveGeneration => inner.LiveGeneration;

        public IReadOnlyList<ShardStatus> Status() => inner.Status();

        public async Task<ShardAnswer> SearchAsync(IndexGeneration generation, int shard, ShardQuery query, CancellationToken cancel)
        {
            if (shard == SlowShard)
                await Task.Delay(TimeSpan.FromSeconds(60), cancel);
            if (shard == BrokenShard)
                throw new ShardUnavailableException(generation.ShardEntityId(shard), "its member left");
            return await inner.SearchAsync(generation, shard, query, cancel);
        }
    }
}
