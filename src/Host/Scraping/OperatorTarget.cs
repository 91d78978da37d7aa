using System.CommandLine;
using Pursearch.Host.Admin;
using Pursearch.Host.Cli;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;

namespace Pursearch.Host.Scraping;

/// <summary>
/// Where <c>source</c> and <c>scrape</c> act (DESIGN §5): the running node serving <c>--data</c> (or the one at
/// <c>--node URL</c>) through its admin API; when no node runs there, the data dir's store directly.
/// </summary>
public sealed record OperatorTarget(NodeAddress? Node, DataDirectory Data, string? Store)
{
    public sealed record Options(Option<string?> Node, Option<string> Data, Option<string?> Token, Option<string?> Store)
    {
        public IEnumerable<Option> All => [Node, Data, Token, Store];
    }

    public static Options CreateOptions() => new(
        new Option<string?>("--node") { Description = "The node's URL (default: the node serving --data, from its node.json)." },
        DataDirectory.Option(),
        new Option<string?>("--token") { Description = $"Admin token (default: ${NodeAddress.TokenVariable}, or {{data}}/admin.token)." },
        DataDirectory.StoreOption());

    public static OperatorTarget From(ParseResult parse, Options options)
    {
        var data = new DataDirectory(parse.GetValue(options.Data)!);
        return new OperatorTarget(NodeAddress.Find(parse.GetValue(options.Node), data.Root, parse.GetValue(options.Token)), data,
            parse.GetValue(options.Store));
    }

    /// <summary>Opens the data dir's store for direct use, saying so on stderr.</summary>
    public async Task<IStore> OpenStoreAsync(CancellationToken cancel)
    {
        await Console.Error.WriteLineAsync($"pursearch: no node runs on {Data.Root}; acting on its store directly");
        try
        {
            Directory.CreateDirectory(Data.Root);
            return await StoreFactory.OpenAsync(Data.Store(Store), new StoreOptions(Data.Root), cancel: cancel);
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
        }
    }

    public static IScrapeStateStore StateOf(IStore store)
    {
        try
        {
            return ScrapeState.Of(store);
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
        }
    }
}
