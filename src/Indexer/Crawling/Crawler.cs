using Akka.Actor;
using Pursearch.Indexer.Crawling.Fetching;

namespace Pursearch.Indexer.Crawling;

/// <summary>
/// Starts crawl runs on a local <see cref="ActorSystem"/> (the graph is an Akka.Streams pipeline). One crawler serves
/// any number of runs; each run has its own HTTP client, politeness state, robots cache and frontier.
/// </summary>
public sealed class Crawler(
    ActorSystem system, CrawlerOptions? options = null, IPageValidatorLookup? validators = null,
    IHostResolver? resolver = null, TimeProvider? time = null)
{
    public CrawlerOptions Options { get; } = options ?? new CrawlerOptions();

    /// <summary>Prepares a run of <paramref name="source"/>; nothing is fetched until its events are consumed.</summary>
    public CrawlRun Prepare(CrawlSource source) =>
        new(system, source, Options, validators ?? NoPageValidators.Instance, resolver ?? DnsHostResolver.Instance,
            time ?? TimeProvider.System);
}
