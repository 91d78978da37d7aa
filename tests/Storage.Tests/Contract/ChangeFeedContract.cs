using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Scraping;
using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;
using static Pursearch.Storage.Tests.Contract.Samples;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Change feed contract: a monotonic sequence bumped by every write, read back in order and in pages.</summary>
public abstract class ChangeFeedContract : StoreContract
{
    [Fact]
    public async Task An_empty_store_is_at_sequence_zero_with_no_changes()
    {
        Assert.Equal(0, await Store.Changes.CurrentSequenceAsync());
        Assert.Empty(await Store.Changes.ChangesSinceAsync(0, 100));
    }

    [Fact]
    public async Task Each_write_takes_a_higher_sequence_number_in_write_order()
    {
        await Store.Catalog.UpsertAsync(Bag("rue:b"));
        await Store.Catalog.UpsertManyAsync([Bag("rue:c"), Bag("rue:a")]);

        var changes = await Store.Changes.ChangesSinceAsync(0, 100);

        Assert.Equal(["rue:b", "rue:c", "rue:a"], changes.Select(c => c.Key));
        Assert.All(changes, c => Assert.Equal(ChangeKind.Product, c.Kind));
        AssertStrictlyRising(changes);
        Assert.Equal(changes[^1].Sequence, await Store.Changes.CurrentSequenceAsync());
    }

    [Fact]
    public async Task An_unchanged_upsert_does_not_bump_and_a_change_moves_the_key_to_the_end()
    {
        await Store.Catalog.UpsertManyAsync([Bag("rue:a"), Bag("rue:b")]);
        var before = await Store.Changes.CurrentSequenceAsync();

        await Store.Catalog.UpsertAsync(Bag("rue:a", seenAt: 5));
        Assert.Equal(before, await Store.Changes.CurrentSequenceAsync());

        await Store.Catalog.UpsertAsync(Bag("rue:a", price: 1m));
        var changes = await Store.Changes.ChangesSinceAsync(0, 100);
        Assert.Equal(["rue:b", "rue:a"], changes.Select(c => c.Key));
        Assert.True(changes[^1].Sequence > before);
        Assert.Equal(["rue:a"], (await Store.Changes.ChangesSinceAsync(before, 100)).Select(c => c.Key));
    }

    [Fact]
    public async Task Paging_through_the_feed_sees_every_key_once_in_order_despite_gaps()
    {
        var products = Enumerable.Range(0, 25).Select(i => Bag($"rue:{i:D2}")).ToList();
        await Store.Catalog.UpsertManyAsync(products);
        // Re-changing every third product leaves gaps where its old record was.
        await Store.Catalog.UpsertManyAsync(products.Where((_, i) => i % 3 == 0).Select(p => p.WithAvailability(Availability.PreOrder)).ToList());

        var walked = new List<ChangeRecord>();
        long after = 0;
        while (await Store.Changes.ChangesSinceAsync(after, 4) is { Count: > 0 } page)
        {
            Assert.True(page.Count <= 4);
            walked.AddRange(page);
            after = page[^1].Sequence;
        }

        AssertStrictlyRising(walked);
        Assert.Equal(products.Select(p => p.Id.ToString()).Order(), walked.Select(c => c.Key).Order());
        Assert.Equal(await Store.Changes.CurrentSequenceAsync(), walked[^1].Sequence);
        Assert.True(walked[^1].Sequence > walked.Count, "re-changed keys leave gaps in the sequence");
    }

    [Fact]
    public async Task Every_kind_of_write_bumps_the_sequence()
    {
        var bag = Bag("rue:1", sha: Sha("img"));
        var steps = new (ChangeKind Kind, string Key, Func<Task> Write)[]
        {
            (ChangeKind.Product, "rue:1", () => Store.Catalog.UpsertAsync(bag)),
            (ChangeKind.EmbeddingSpace, "resnet18-v1", () => Store.Spaces.RegisterAsync(Space())),
            (ChangeKind.Embedding, ChangeKeys.Embedding("resnet18-v1", bag.Id),
                () => Store.Embeddings.PutAsync(new EmbeddingWrite(bag.Id, "resnet18-v1", [1, 0, 0, 0], Sha("img")))),
            (ChangeKind.ModelVersion, "m1", () => Store.Models.RegisterAsync(Model("m1"))),
            (ChangeKind.ModelAlias, "live", () => Store.Models.PromoteAsync("m1")),
            (ChangeKind.Generation, "g1", () => Store.Generations.CreateAsync(Generation("g1", GenerationState.Ready))),
            (ChangeKind.GenerationAlias, "live", () => Store.Generations.FlipLiveAsync("g1")),
            (ChangeKind.ScrapeRun, "run-1", () => Store.ScrapeRuns.StartAsync(new ScrapeRun("run-1", "rue", At(0)))),
            (ChangeKind.ScrapeRun, "run-1", () => Store.ScrapeRuns.AddCountersAsync("run-1", new Dictionary<string, long> { ["pages"] = 3 })),
            (ChangeKind.Image, Sha("bytes"), () => Store.Images.PutAsync(new MemoryStream("bytes"u8.ToArray()), "image/jpeg")),
            (ChangeKind.Product, "rue:1", () => Store.Catalog.MarkUnavailableAsync("rue", At(10))),
        };
        foreach (var (kind, key, write) in steps)
        {
            var before = await Store.Changes.CurrentSequenceAsync();
            await write();
            Assert.True(await Store.Changes.CurrentSequenceAsync() > before, $"{kind} {key} did not bump the sequence");
            Assert.Contains(await Store.Changes.ChangesSinceAsync(before, 100), c => c.Kind == kind && c.Key == key);
        }
    }

    [Fact]
    public async Task Writers_racing_in_one_process_all_land_and_a_tailing_reader_sees_every_key()
    {
        const int writers = 4, perWriter = 40;
        var seen = new HashSet<string>();
        var tailed = new List<long>();
        using var done = new CancellationTokenSource();

        async Task TailAsync()
        {
            long after = 0;
            while (true)
            {
                var finished = done.IsCancellationRequested;
                var page = await Store.Changes.ChangesSinceAsync(after, 50);
                foreach (var change in page)
                {
                    seen.Add(change.Key);
                    tailed.Add(change.Sequence);
                }
                if (page.Count > 0)
                    after = page[^1].Sequence;
                else if (finished)
                    return;
            }
        }

        var tail = Task.Run(TailAsync);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i += 4)
                await Store.Catalog.UpsertManyAsync(Enumerable.Range(i, 4).Select(j => Bag($"w{w}:{j:D3}")).ToList());
        })));
        done.Cancel();
        await tail;

        Assert.Equal(writers * perWriter, seen.Count);
        Assert.Equal(tailed.Order(), tailed);
        Assert.Equal(tailed.Distinct().Count(), tailed.Count);
    }

    [Fact]
    public async Task A_negative_sequence_or_a_bad_limit_is_refused()
    {
        Assert.Equal("sequence", (await Assert.ThrowsAsync<DomainException>(() => Store.Changes.ChangesSinceAsync(-1, 10))).Field);
        Assert.Equal("limit", (await Assert.ThrowsAsync<DomainException>(() => Store.Changes.ChangesSinceAsync(0, 0))).Field);
    }

    private static void AssertStrictlyRising(IReadOnlyList<ChangeRecord> changes)
    {
        for (var i = 1; i < changes.Count; i++)
            Assert.True(changes[i].Sequence > changes[i - 1].Sequence, $"sequence {changes[i].Sequence} follows {changes[i - 1].Sequence}");
    }
}
