namespace Pursearch.Indexer.Tests.Crawling;

/// <summary>
/// Tests that judge a crawler's pace from the times an in-process server logged requests arriving. The crawler spaces
/// its writes exactly, but the server's threads share two cores with the crawl: beside the CPU-heavy tests of other
/// classes (training, embedding), a logged arrival can lag its write by more than an interval. These tests run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ArrivalPacingCollection
{
    public const string Name = "arrival pacing";
}
