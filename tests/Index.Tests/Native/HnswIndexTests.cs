using Pursearch.Index.Native;

namespace Pursearch.Index.Tests.Native;

public sealed class HnswIndexTests : IDisposable
{
    private const int Dims = 32;
    private readonly string _directory = Support.TempDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static HnswIndex Filled(int count, VectorPrecision precision = VectorPrecision.F32, int threads = 4)
    {
        var index = HnswIndex.Create(new HnswSettings(Dims) { Precision = precision, Threads = threads });
        index.Reserve(count);
        for (var key = 0; key < count; key++)
            index.Add((ulong)key, Support.UnitVector(Dims, key));
        return index;
    }

    private static ulong[] Nearest(HnswIndex index, float[] query, int k)
    {
        var keys = new ulong[k];
        var distances = new float[k];
        var found = index.Search(query, keys, distances);
        return keys[..found];
    }

    [Fact]
    public void A_stored_vector_is_its_own_nearest_neighbour()
    {
        using var index = Filled(300);
        var keys = new ulong[5];
        var distances = new float[5];

        var found = index.Search(Support.UnitVector(Dims, 42), keys, distances);

        Assert.Equal(5, found);
        Assert.Equal(42UL, keys[0]);
        Assert.True(distances[0] < 1e-5f);
        Assert.True(distances[1] >= distances[0]);
    }

    [Fact]
    public void Size_contains_count_and_get_describe_the_stored_keys()
    {
        using var index = Filled(50);
        var vector = new float[Dims];

        Assert.Equal(50, index.Size);
        Assert.True(index.Capacity >= 50);
        Assert.True(index.Contains(7));
        Assert.False(index.Contains(70));
        Assert.Equal(1, index.Count(7));
        Assert.Equal(0, index.Count(70));
        Assert.True(index.TryGet(7, vector));
        Assert.Equal(Support.UnitVector(Dims, 7), vector);
        Assert.False(index.TryGet(70, vector));
    }

    [Fact]
    public void Removed_keys_are_gone_from_lookups_and_results()
    {
        using var index = Filled(200);

        Assert.True(index.Remove(42));
        Assert.False(index.Remove(42));

        Assert.False(index.Contains(42));
        Assert.Equal(199, index.Size);
        Assert.DoesNotContain(42UL, Nearest(index, Support.UnitVector(Dims, 42), 20));
    }

    [Fact]
    public void Native_errors_become_typed_exceptions()
    {
        using var index = Filled(10);

        var duplicate = Assert.Throws<NativeIndexException>(() => index.Add(3, Support.UnitVector(Dims, 3)));
        Assert.Equal("add", duplicate.Operation);
        Assert.Throws<ArgumentException>(() => index.Add(99, new float[Dims + 1]));
        Assert.Throws<ArgumentException>(() => index.Search(new float[Dims], [], []));
    }

    [Fact]
    public void Adding_past_the_reserved_capacity_reports_an_error_instead_of_crashing()
    {
        using var index = HnswIndex.Create(new HnswSettings(Dims));
        var capacity = index.Capacity;

        var error = Record.Exception(() =>
        {
            for (var key = 0; key <= capacity; key++)
                index.Add((ulong)key, Support.UnitVector(Dims, key));
        });

        Assert.IsType<NativeIndexException>(error);
    }

    [Fact]
    public void Filtered_search_returns_only_accepted_keys()
    {
        using var index = Filled(400);
        var keys = new ulong[10];
        var distances = new float[10];

        var found = index.FilteredSearch(Support.UnitVector(Dims, 11), keys, distances, new EvenKeys());

        Assert.Equal(10, found);
        Assert.All(keys, key => Assert.Equal(0UL, key % 2));
    }

    [Fact]
    public void A_failing_filter_surfaces_after_the_search()
    {
        using var index = Filled(100);

        var error = Assert.Throws<InvalidOperationException>(() =>
            index.FilteredSearch(Support.UnitVector(Dims, 1), new ulong[5], new float[5], new BrokenFilter()));

        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void Settings_can_be_changed_after_creation()
    {
        using var index = Filled(20);

        index.ChangeExpansionSearch(200);
        index.ChangeExpansionAdd(60);
        index.ChangeThreads(3);
        index.Reserve(1000);

        Assert.Equal(200, index.ExpansionSearch);
        Assert.Equal(60, index.ExpansionAdd);
        Assert.Equal(3, index.Settings.Threads);
        Assert.Equal(16, index.Connectivity);
        Assert.True(index.Capacity >= 1000);
        Assert.Equal(42UL, Nearest(index, Support.UnitVector(Dims, 42 % 20), 1)[0] + 42 - 42 % 20);
    }

    [Fact]
    public void Half_precision_halves_the_stored_vectors_and_keeps_them_close()
    {
        using var full = Filled(2000);
        using var half = Filled(2000, VectorPrecision.F16);
        var stored = new float[Dims];

        Assert.True(half.TryGet(5, stored));

        var original = Support.UnitVector(Dims, 5);
        Assert.NotEqual(original, stored);
        Assert.All(Enumerable.Range(0, Dims), i => Assert.InRange(stored[i] - original[i], -2e-3f, 2e-3f));
        Assert.Equal(2000L * Dims * 2, full.SerializedLength - half.SerializedLength);
        Assert.Equal(5UL, Nearest(half, original, 1)[0]);
    }

    [Fact]
    public void Saved_graphs_load_and_view_with_the_same_answers()
    {
        var path = Path.Combine(_directory, "graph.usearch");
        var query = Support.UnitVector(Dims, 1234);
        ulong[] expected;
        using (var index = Filled(500))
        {
            index.Save(path);
            Assert.Equal(index.SerializedLength, new FileInfo(path).Length);
            expected = Nearest(index, query, 10);
        }

        using var loaded = HnswIndex.Load(path, new HnswSettings(Dims));
        using var viewed = HnswIndex.View(path, new HnswSettings(Dims));

        Assert.Equal(expected, Nearest(loaded, query, 10));
        Assert.Equal(expected, Nearest(viewed, query, 10));
        Assert.True(viewed.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => viewed.Add(9999, query));
        Assert.Throws<InvalidOperationException>(() => viewed.Remove(1));
        loaded.Reserve(501);
        loaded.Add(9999, query);
        Assert.Equal(9999UL, Nearest(loaded, query, 1)[0]);
    }

    [Fact]
    public void Opening_a_missing_garbage_or_mismatched_file_fails_clearly()
    {
        var garbage = Path.Combine(_directory, "garbage.usearch");
        File.WriteAllBytes(garbage, Enumerable.Repeat((byte)7, 4096).ToArray());
        var saved = Path.Combine(_directory, "saved.usearch");
        using (var index = Filled(10))
            index.Save(saved);

        Assert.Throws<FileNotFoundException>(() => HnswIndex.Load(Path.Combine(_directory, "none"), new HnswSettings(Dims)));
        Assert.Throws<NativeIndexException>(() => HnswIndex.Load(garbage, new HnswSettings(Dims)));
        Assert.Throws<NativeIndexException>(() => HnswIndex.View(saved, new HnswSettings(Dims * 2)));
    }

    [Fact]
    public void More_concurrent_callers_than_thread_slots_wait_instead_of_crashing()
    {
        using var index = Filled(2000, threads: 1);
        index.ChangeThreads(2);
        var queries = Enumerable.Range(0, 400).Select(i => Support.UnitVector(Dims, i)).ToArray();

        var nearest = new ulong[queries.Length];
        Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            i => nearest[i] = Nearest(index, queries[i], 1)[0]);

        Assert.Equal(Enumerable.Range(0, 400).Select(i => (ulong)i), nearest);
    }

    [Fact]
    public void The_loaded_library_is_the_pinned_usearch_release()
    {
        Assert.Equal("2.26.6", UsearchLibrary.Version);
    }

    [Fact]
    public void A_disposed_index_refuses_calls()
    {
        var index = Filled(5);
        index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.Size);
        index.Dispose();
    }

    private sealed class EvenKeys : IKeyFilter
    {
        public bool Accepts(ulong key) => key % 2 == 0;
    }

    private sealed class BrokenFilter : IKeyFilter
    {
        public bool Accepts(ulong key) => throw new FormatException("broken");
    }
}
