using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Tests;

public sealed class StoreUriTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void No_uri_means_catalog_db_in_the_data_dir()
    {
        var uri = StoreUri.Parse(null, _dir.Path);
        Assert.Equal(StoreKind.Sqlite, uri.Kind);
        Assert.Equal(Path.Combine(_dir.Path, "catalog.db"), uri.Target);
        Assert.Equal(uri, StoreUri.Parse("  ", _dir.Path));
        Assert.Equal($"sqlite:{_dir.Path}/catalog.db", uri.ToString());
    }

    [Fact]
    public void Sqlite_paths_are_absolute_relative_to_the_working_directory_and_may_name_the_data_dir()
    {
        Assert.Equal(Path.GetFullPath("x/y.db"), StoreUri.Parse("sqlite:x/y.db", _dir.Path).Target);
        Assert.Equal("/var/lib/p.db", StoreUri.Parse("SQLITE:/var/lib/p.db", _dir.Path).Target);
        Assert.Equal(Path.Combine(_dir.Path, "other.db"), StoreUri.Parse("sqlite:{data}/other.db", _dir.Path).Target);
    }

    [Theory]
    [InlineData("sqlite:")]
    [InlineData("sqlite:  ")]
    [InlineData("postgres://db/x")]
    [InlineData("catalog.db")]
    [InlineData("sqlite:/tmp/")]
    public void Malformed_or_unknown_uris_are_refused_in_one_line(string text)
    {
        var e = Assert.Throws<StoreUriException>(() => StoreUri.Parse(text, _dir.Path));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task A_mongodb_uri_parses_but_opening_it_says_in_one_line_that_it_is_not_built_yet()
    {
        var uri = StoreUri.Parse("mongodb://admin:s3cret@db.example:27017/pursearch", _dir.Path);
        Assert.Equal(StoreKind.MongoDb, uri.Kind);
        Assert.DoesNotContain("s3cret", uri.ToString());

        var e = await Assert.ThrowsAsync<StoreUriException>(() => StoreFactory.OpenAsync(uri, new StoreOptions(_dir.Path)));
        Assert.Contains("not built yet", e.Message);
        Assert.DoesNotContain("s3cret", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_unknown_scheme_does_not_echo_credentials() =>
        Assert.DoesNotContain("s3cret",
            Assert.Throws<StoreUriException>(() => StoreUri.Parse("redis://u:s3cret@h/0", _dir.Path)).Message);

    [Fact]
    public async Task The_factory_opens_sqlite_and_can_refuse_to_create_a_missing_database()
    {
        var uri = StoreUri.Default(_dir.Path);
        await Assert.ThrowsAsync<StoreNotFoundException>(() =>
            StoreFactory.OpenAsync(uri, new StoreOptions(_dir.Path), createIfMissing: false));
        Assert.False(File.Exists(uri.Target));

        await using (var store = await StoreFactory.OpenAsync(uri, new StoreOptions(_dir.Path)))
            Assert.Equal(uri.ToString(), store.Location);
        await using (var again = await StoreFactory.OpenAsync(uri, new StoreOptions(_dir.Path), createIfMissing: false))
            Assert.Equal(0, (await again.DescribeAsync()).Products);
    }

    public void Dispose() => _dir.Dispose();
}
