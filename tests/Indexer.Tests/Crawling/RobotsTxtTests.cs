using System.Text;
using Pursearch.Indexer.Crawling.Robots;

namespace Pursearch.Indexer.Tests.Crawling;

public class RobotsTxtTests
{
    private const string Bot = "PursearchBot";

    private static bool Allowed(string robots, string path, string agent = Bot) =>
        RobotsTxt.Parse(robots).RulesFor(agent).IsAllowed(path);

    [Theory]
    [InlineData("/folder/page", true)]
    [InlineData("/folder/other", false)]
    [InlineData("/folder", true)]
    [InlineData("/elsewhere", true)]
    public void Longest_match_wins(string path, bool allowed)
    {
        const string robots = "User-agent: *\nDisallow: /folder/\nAllow: /folder/page\n";
        Assert.Equal(allowed, Allowed(robots, path));
    }

    [Fact]
    public void Allow_wins_a_tie_of_equal_length()
    {
        Assert.True(Allowed("User-agent: *\nDisallow: /page\nAllow: /page\n", "/page"));
        Assert.True(Allowed("User-agent: *\nAllow: /page\nDisallow: /page\n", "/page"));
    }

    [Theory]
    [InlineData("/index.php", false)]
    [InlineData("/dir/index.php", false)]
    [InlineData("/index.php?x=1", true)]
    [InlineData("/index.php5", true)]
    public void Dollar_anchors_the_end(string path, bool allowed) =>
        Assert.Equal(allowed, Allowed("User-agent: *\nDisallow: /*.php$\n", path));

    [Theory]
    [InlineData("/fish", false)]
    [InlineData("/fish.html", false)]
    [InlineData("/fishheads/yummy.html", false)]
    [InlineData("/Fish.asp", true)]
    [InlineData("/catfish", true)]
    [InlineData("/bags?sort=price", false)]
    [InlineData("/bags?colour=red&sort=price", false)]
    [InlineData("/bags?colour=red", true)]
    public void Star_matches_any_run(string path, bool allowed) =>
        Assert.Equal(allowed, Allowed("User-agent: *\nDisallow: /fish*\nDisallow: /*sort=\n", path));

    [Fact]
    public void Root_dollar_blocks_only_the_root()
    {
        const string robots = "User-agent: *\nDisallow: /$\n";
        Assert.False(Allowed(robots, "/"));
        Assert.True(Allowed(robots, "/page"));
    }

    [Fact]
    public void A_group_naming_the_crawler_replaces_the_star_group()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: pursearchbot\nDisallow: /private\n";
        Assert.True(Allowed(robots, "/public"));
        Assert.False(Allowed(robots, "/private/x"));
        Assert.False(Allowed(robots, "/public", "OtherBot"));
    }

    [Theory]
    [InlineData("PURSEARCHBOT")]
    [InlineData("PursearchBot/2.1")]
    [InlineData("pursearchbot (+https://pursearch.dev/bot)")]
    public void Product_token_matching_is_case_insensitive_and_ignores_versions(string line) =>
        Assert.False(Allowed($"User-agent: {line}\nDisallow: /x\n", "/x"));

    [Fact]
    public void Groups_for_the_same_agent_are_merged()
    {
        const string robots = """
            User-agent: PursearchBot
            Disallow: /a

            User-agent: OtherBot
            Disallow: /b

            User-agent: PursearchBot
            Disallow: /c
            """;
        var rules = RobotsTxt.Parse(robots).RulesFor(Bot);
        Assert.False(rules.IsAllowed("/a"));
        Assert.True(rules.IsAllowed("/b"));
        Assert.False(rules.IsAllowed("/c"));
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_one_group()
    {
        const string robots = "User-agent: OtherBot\nUser-agent: PursearchBot\nDisallow: /shared\n";
        Assert.False(Allowed(robots, "/shared"));
        Assert.False(Allowed(robots, "/shared", "OtherBot"));
    }

    [Fact]
    public void Without_a_matching_or_star_group_everything_is_allowed() =>
        Assert.True(Allowed("User-agent: OtherBot\nDisallow: /\n", "/anything"));

    [Fact]
    public void Rules_before_any_user_agent_are_ignored() =>
        Assert.True(Allowed("Disallow: /\nUser-agent: *\nDisallow: /x\n", "/page"));

    [Fact]
    public void An_empty_disallow_allows_everything() =>
        Assert.True(Allowed("User-agent: *\nDisallow:\n", "/page"));

    [Fact]
    public void Robots_txt_itself_is_always_allowed() =>
        Assert.True(Allowed("User-agent: *\nDisallow: /\n", "/robots.txt"));

    [Theory]
    [InlineData("/foo/bar/%62%61%7A", "/foo/bar/baz")]
    [InlineData("/foo/bar/baz", "/foo/bar/%62%61%7A")]
    [InlineData("/foo/bar/ツ", "/foo/bar/%E3%83%84")]
    [InlineData("/foo/bar/%e3%83%84", "/foo/bar/%E3%83%84")]
    public void Percent_encoding_is_normalised_on_both_sides(string pattern, string path) =>
        Assert.False(Allowed($"User-agent: *\nDisallow: {pattern}\n", path));

    [Fact]
    public void Crawl_delay_sitemaps_comments_crlf_and_bom_are_read()
    {
        var text = "\uFEFF# shop robots\r\nUser-agent: *   # everyone\r\nCrawl-delay: 2.5\r\nDisallow: /cart\r\n" +
                   "Sitemap: https://shop.example/sitemap.xml\r\nSitemap: not a url\r\n";
        var robots = RobotsTxt.Parse(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text[1..])).ToArray());
        var rules = robots.RulesFor(Bot);
        Assert.Equal(TimeSpan.FromSeconds(2.5), rules.CrawlDelay);
        Assert.False(rules.IsAllowed("/cart"));
        Assert.Equal([new Uri("https://shop.example/sitemap.xml")], robots.Sitemaps);
    }

    [Fact]
    public void Common_misspellings_of_keys_are_accepted() =>
        Assert.False(Allowed("useragent: *\ndissallow: /x\n", "/x"));

    [Fact]
    public void Only_the_first_500_KiB_are_parsed_and_a_cut_line_is_dropped()
    {
        var filler = new StringBuilder("User-agent: *\nDisallow: /early\n#");
        filler.Append('x', RobotsTxt.MaxBytes - 10 - filler.Length - 1).Append('\n');
        // This line straddles the limit: cut, it would read "Allow: /" and allow everything.
        filler.Append("Allow: /late-but-long-enough-to-straddle\nDisallow: /after-the-limit\n");
        var rules = RobotsTxt.Parse(Encoding.UTF8.GetBytes(filler.ToString())).RulesFor(Bot);
        Assert.False(rules.IsAllowed("/early"));
        Assert.True(rules.IsAllowed("/after-the-limit"));
        Assert.DoesNotContain(rules.Rules, r => r.Allow);
    }

    [Fact]
    public void Allow_all_and_disallow_all_policies()
    {
        Assert.True(RobotsRules.AllowAll.IsAllowed("/x"));
        Assert.False(RobotsRules.DisallowAll.IsAllowed("/x"));
        Assert.True(RobotsRules.DisallowAll.IsAllowed("/robots.txt"));
    }
}
