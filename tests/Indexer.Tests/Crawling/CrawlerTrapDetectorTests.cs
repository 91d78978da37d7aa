using Pursearch.Indexer.Crawling.Urls;

namespace Pursearch.Indexer.Tests.Crawling;

public class CrawlerTrapDetectorTests
{
    private static CrawlerTrapDetector Detector(TrapDetectionOptions? options = null) =>
        new(options ?? new TrapDetectionOptions(), TimeProvider.System);

    [Theory]
    [InlineData("https://shop.example/bags/flap-bag-r-0042")]
    [InlineData("https://shop.example/list?page=7")]
    [InlineData("https://shop.example/a/b/a/b")]
    [InlineData("https://shop.example/p/201905")]
    public void Ordinary_urls_pass(string url) => Assert.Null(Detector().Check(new Uri(url)));

    [Theory]
    [InlineData("https://shop.example/a/b/a/b/a/b", "repeats")]
    [InlineData("https://shop.example/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17", "deeper")]
    [InlineData("https://shop.example/s?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11&l=12&m=13", "query parameters")]
    [InlineData("https://shop.example/calendar/2041-05", "year 2041")]
    [InlineData("https://shop.example/events?month=1899-12", "year 1899")]
    public void Trap_shapes_are_refused(string url, string reason) =>
        Assert.Contains(reason, Detector().Check(new Uri(url)));

    [Fact]
    public void Overlong_urls_are_refused() =>
        Assert.Contains("longer", Detector().Check(new Uri("https://shop.example/" + new string('a', 3000))));

    [Fact]
    public void Endless_calendar_links_are_cut_after_the_dated_budget()
    {
        var detector = Detector(new TrapDetectionOptions { MaxDatedVariantsPerShape = 6, MaxYearsAhead = 50 });
        var verdicts = Enumerable.Range(0, 10)
            .Select(i => detector.Check(new Uri($"https://shop.example/calendar/{2026 + i / 12}-{i % 12 + 1:00}")))
            .ToList();
        Assert.All(verdicts.Take(6), Assert.Null);
        Assert.All(verdicts.Skip(6), v => Assert.Contains("calendar", v));
    }

    [Fact]
    public void A_chain_of_dated_pages_each_linking_to_the_next_is_cut_long_before_the_dated_budget()
    {
        var detector = Detector();
        Uri? previous = null;
        var verdicts = new List<string?>();
        for (var month = 1; month <= 8; month++)
        {
            var url = new Uri($"https://shop.example/calendar/2026-{month:00}");
            verdicts.Add(detector.Check(url, previous));
            previous = url;
        }
        Assert.All(verdicts.Take(5), Assert.Null);
        Assert.Contains("6 dated pages of /calendar/{date} in a row", verdicts[5]);
    }

    [Fact]
    public void Dated_links_found_on_one_undated_page_are_no_chain()
    {
        var detector = Detector();
        var archive = new Uri("https://shop.example/archive");
        var verdicts = Enumerable.Range(1, 12)
            .Select(month => detector.Check(new Uri($"https://shop.example/news/2025-{month:00}"), archive))
            .ToList();
        Assert.All(verdicts, Assert.Null);
        Assert.Null(detector.Check(new Uri("https://shop.example/news/2024-12"), new Uri("https://shop.example/news/2025-01")));
    }

    [Fact]
    public void Calendar_query_parameters_count_as_dates()
    {
        var detector = Detector(new TrapDetectionOptions { MaxDatedVariantsPerShape = 3 });
        var verdicts = Enumerable.Range(1, 5)
            .Select(month => detector.Check(new Uri($"https://shop.example/events?view=month&month={month}")))
            .ToList();
        Assert.Equal(3, verdicts.Count(v => v is null));
    }

    [Fact]
    public void A_query_explosion_on_one_path_is_cut()
    {
        var detector = Detector(new TrapDetectionOptions { MaxQueryVariantsPerPath = 20 });
        var verdicts = Enumerable.Range(0, 30)
            .Select(i => detector.Check(new Uri($"https://shop.example/search?q=bag&session={i}")))
            .ToList();
        Assert.Equal(20, verdicts.Count(v => v is null));
        Assert.Null(detector.Check(new Uri("https://shop.example/other?q=1")));
    }
}
