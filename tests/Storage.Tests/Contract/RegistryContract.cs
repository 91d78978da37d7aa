using Pursearch.Core;
using Pursearch.Core.Versions;
using Pursearch.Storage.Contracts;
using static Pursearch.Storage.Tests.Contract.Samples;

namespace Pursearch.Storage.Tests.Contract;

/// <summary>Registry contract: embedding spaces, model versions with a live alias, index generations with an atomic live flip.</summary>
public abstract class RegistryContract : StoreContract
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.Spaces.RegisterAsync(Space());
    }

    [Fact]
    public async Task Spaces_register_idempotently_and_refuse_a_different_definition_under_the_same_id()
    {
        await Store.Spaces.RegisterAsync(Space("b-space", dimensions: 8));
        var before = await Store.Changes.CurrentSequenceAsync();
        await Store.Spaces.RegisterAsync(Space("b-space", dimensions: 8));
        Assert.Equal(before, await Store.Changes.CurrentSequenceAsync());

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Spaces.RegisterAsync(Space("b-space", dimensions: 16)));
        Assert.Equal(Space("b-space", dimensions: 8), await Store.Spaces.GetAsync("b-space"));
        Assert.Equal(["b-space", "resnet18-v1"], (await Store.Spaces.ListAsync()).Select(s => s.Id));
        Assert.Null(await Store.Spaces.GetAsync("nope"));
        var projected = new EmbeddingSpace("proj", "resnet18", "imagenet-224", 128, "pca-128");
        await Store.Spaces.RegisterAsync(projected);
        Assert.Equal(projected, await Store.Spaces.GetAsync("proj"));
    }

    [Fact]
    public async Task Model_versions_register_once_with_their_metrics_and_list_oldest_first()
    {
        await Store.Models.RegisterAsync(Model("m2", minutes: 10));
        await Store.Models.RegisterAsync(Model("m1", minutes: 0));

        var m2 = await Store.Models.GetAsync("m2");
        Assert.Equal(0.81, m2!.Metrics["top1"]);
        Assert.Equal(At(10), m2.CreatedAt);
        Assert.Equal("models/m2.onnx", m2.WeightsPath);
        Assert.Equal(["m1", "m2"], (await Store.Models.ListAsync()).Select(m => m.Id));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Models.RegisterAsync(Model("m1")));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Models.RegisterAsync(Model("m3", space: "nowhere")));
        Assert.Null(await Store.Models.GetAsync("m3"));
    }

    [Fact]
    public async Task Promoting_moves_the_live_model_and_rollback_walks_back_through_the_promotions()
    {
        foreach (var id in new[] { "m1", "m2", "m3" })
            await Store.Models.RegisterAsync(Model(id));
        Assert.Null(await Store.Models.GetLiveAsync());

        await Store.Models.PromoteAsync("m1");
        await Store.Models.PromoteAsync("m2");
        var before = await Store.Changes.CurrentSequenceAsync();
        await Store.Models.PromoteAsync("m2");
        Assert.Equal(before, await Store.Changes.CurrentSequenceAsync());
        await Store.Models.PromoteAsync("m3");
        Assert.Equal("m3", (await Store.Models.GetLiveAsync())!.Id);

        Assert.Equal("m2", (await Store.Models.RollbackAsync()).Id);
        Assert.Equal("m1", (await Store.Models.RollbackAsync()).Id);
        Assert.Equal("m1", (await Store.Models.GetLiveAsync())!.Id);
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Models.RollbackAsync());
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Models.PromoteAsync("m9"));
        Assert.Equal("m1", (await Store.Models.GetLiveAsync())!.Id);
    }

    [Fact]
    public async Task A_flip_makes_a_ready_generation_live_and_the_old_live_one_ready()
    {
        await Store.Generations.CreateAsync(Generation("g1", minutes: 0));
        await Store.Generations.CreateAsync(Generation("g2", minutes: 5));
        Assert.Null(await Store.Generations.GetLiveAsync());
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Generations.FlipLiveAsync("g1"));

        await Store.Generations.SetStateAsync("g1", GenerationState.Ready);
        await Store.Generations.FlipLiveAsync("g1");
        Assert.Equal("g1", (await Store.Generations.GetLiveAsync())!.Id);

        await Store.Generations.SetStateAsync("g2", GenerationState.Ready);
        await Store.Generations.FlipLiveAsync("g2");
        var states = (await Store.Generations.ListAsync()).ToDictionary(g => g.Id, g => g.State);
        Assert.Equal(new Dictionary<string, GenerationState> { ["g1"] = GenerationState.Ready, ["g2"] = GenerationState.Live }, states);

        await Store.Generations.FlipLiveAsync("g1");
        Assert.Equal("g1", (await Store.Generations.GetLiveAsync())!.Id);
        Assert.Equal(GenerationState.Ready, (await Store.Generations.GetAsync("g2"))!.State);
    }

    [Fact]
    public async Task Generation_states_move_only_along_the_lifecycle()
    {
        await Store.Generations.CreateAsync(Generation("g1", GenerationState.Ready));
        await Store.Generations.CreateAsync(Generation("g2", GenerationState.Ready));
        await Store.Generations.FlipLiveAsync("g1");

        Assert.Equal("state", (await Assert.ThrowsAsync<DomainException>(() =>
            Store.Generations.CreateAsync(Generation("g3", GenerationState.Live)))).Field);
        Assert.Equal("state", (await Assert.ThrowsAsync<DomainException>(() =>
            Store.Generations.SetStateAsync("g2", GenerationState.Live))).Field);
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Generations.SetStateAsync("g1", GenerationState.Retired));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Generations.CreateAsync(Generation("g1")));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Generations.CreateAsync(Generation("g4", space: "nowhere")));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Generations.FlipLiveAsync("g9"));

        await Store.Generations.SetStateAsync("g2", GenerationState.Retired);
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Generations.FlipLiveAsync("g2"));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Generations.SetStateAsync("g2", GenerationState.Ready));
        Assert.Equal("g1", (await Store.Generations.GetLiveAsync())!.Id);
        var g2 = await Store.Generations.GetAsync("g2");
        Assert.Equal(new IndexGeneration("g2", "resnet18-v1", 4, GenerationState.Retired, At(0)), g2);
    }

    [Fact]
    public async Task Readers_racing_a_series_of_flips_always_see_exactly_one_live_generation()
    {
        await Store.Generations.CreateAsync(Generation("g1", GenerationState.Ready));
        await Store.Generations.CreateAsync(Generation("g2", GenerationState.Ready));
        await Store.Generations.FlipLiveAsync("g1");
        using var flipping = new CancellationTokenSource();
        var observations = 0;

        async Task ReadAsync()
        {
            while (!flipping.IsCancellationRequested)
            {
                var live = (await Store.Generations.ListAsync()).Count(g => g.State == GenerationState.Live);
                Assert.Equal(1, live);
                Assert.NotNull(await Store.Generations.GetLiveAsync());
                Interlocked.Increment(ref observations);
            }
        }

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(ReadAsync)).ToList();
        while (Volatile.Read(ref observations) == 0 && !readers.Any(r => r.IsCompleted))
            await Task.Delay(1);
        var beforeFlips = Volatile.Read(ref observations);
        var flips = 0;
        // Flip until the readers have read often while flips ran (and at least 20 times), whatever the machine's speed.
        while ((flips < 20 || Volatile.Read(ref observations) - beforeFlips < 30) && flips < 10_000 &&
               !readers.Any(r => r.IsCompleted))
            await Store.Generations.FlipLiveAsync(flips++ % 2 == 0 ? "g2" : "g1");
        flipping.Cancel();
        await Task.WhenAll(readers);

        Assert.True(Volatile.Read(ref observations) - beforeFlips >= 30, "the readers read while the flips ran");
        Assert.Equal(flips % 2 == 0 ? "g1" : "g2", (await Store.Generations.GetLiveAsync())!.Id);
    }
}
