using Akka.Actor;
using Akka.Configuration;

namespace Pursearch.Indexer.Crawling;

/// <summary>A local, quiet <see cref="ActorSystem"/> for running crawls outside the cluster (the <c>crawl</c> command, tests).</summary>
public static class CrawlActorSystem
{
    private const string Hocon = """
        akka {
          loglevel = WARNING
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          log-config-on-start = off
        }
        """;

    public static ActorSystem Create(string name = "pursearch-crawl") =>
        ActorSystem.Create(name, ConfigurationFactory.ParseString(Hocon));
}
