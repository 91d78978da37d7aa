using Akka.Actor;
using Akka.Configuration;

namespace Pursearch.Indexer;

/// <summary>A quiet local <see cref="ActorSystem"/> for running crawl, scrape and embedding graphs outside the cluster
/// (CLI commands, <c>up</c>, tests).</summary>
public static class LocalActorSystem
{
    // Akka logs to stdout by default, which would break CLI progress bars and JSON output.
    private const string Hocon = """
        akka {
          loglevel = WARNING
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          log-config-on-start = off
        }
        """;

    public static ActorSystem Create(string name = "pursearch-local") =>
        ActorSystem.Create(name, ConfigurationFactory.ParseString(Hocon));
}
