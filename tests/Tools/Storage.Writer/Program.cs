using Pursearch.Core.Scraping;
using Pursearch.Core.Versions;
using Pursearch.Storage;
using Pursearch.Storage.Contracts;
using Pursearch.Storage.Writer;

// Usage:
//   concurrent DB DATA RETAILER COUNT BATCH GO_FILE   waits for GO_FILE, then writes COUNT products in batches, each
//                                                     batch with its vectors and a scrape-run counter update
//   big-batch DB DATA RETAILER SMALL BIG              commits SMALL products, then writes BIG products in one batch
var (mode, db, data, retailer) = (args[0], args[1], args[2], args[3]);
await using var store = await StoreFactory.OpenAsync(StoreUri.Parse($"sqlite:{db}", data), new StoreOptions(data));
switch (mode)
{
    case "concurrent":
        await WriteConcurrentlyAsync(store, retailer, int.Parse(args[4]), int.Parse(args[5]), args[6]);
        break;
    case "big-batch":
        await WriteBigBatchAsync(store, retailer, int.Parse(args[4]), int.Parse(args[5]));
        break;
    default:
        await Console.Error.WriteLineAsync($"unknown mode {mode}");
        return 2;
}
return 0;

static async Task WriteConcurrentlyAsync(IStore store, string retailer, int count, int batch, string goFile)
{
    var space = new EmbeddingSpace("shared", "test", "none", 4);
    await store.Spaces.RegisterAsync(space);
    var runId = $"run-{retailer}";
    await store.ScrapeRuns.StartAsync(new ScrapeRun(runId, retailer, DateTimeOffset.UtcNow));
    while (!File.Exists(goFile))
        await Task.Delay(5);
    Console.WriteLine($"writing {DateTime.UtcNow.Ticks}");
    for (var start = 0; start < count; start += batch)
    {
        var products = WriterProducts.Range(retailer, start, Math.Min(batch, count - start));
        await store.Catalog.UpsertManyAsync(products);
        await store.Embeddings.PutManyAsync(products.Select((p, i) =>
            new EmbeddingWrite(p.Id, space.Id, [start + i, 1, 2, 3], new string('a', 64))).ToList());
        await store.ScrapeRuns.AddCountersAsync(runId, new Dictionary<string, long> { ["products"] = products.Count });
    }
    await store.ScrapeRuns.FinishAsync(runId, ScrapeRunStatus.Succeeded, DateTimeOffset.UtcNow);
    Console.WriteLine($"done {DateTime.UtcNow.Ticks}");
}

static async Task WriteBigBatchAsync(IStore store, string retailer, int small, int big)
{
    await store.Catalog.UpsertManyAsync(WriterProducts.Range(retailer, 0, small));
    var batch = WriterProducts.Range(retailer, small, big);
    Console.WriteLine("batch-started");
    await store.Catalog.UpsertManyAsync(batch);
    Console.WriteLine("batch-committed");
}
