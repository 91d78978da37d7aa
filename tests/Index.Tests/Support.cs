using System.Numerics.Tensors;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.Index.Synthetic;

namespace Pursearch.Index.Tests;

/// <summary>Small catalogs, shards and a brute-force oracle shared by the tests.</summary>
internal static class Support
{
    public const int Dimensions = 64;

    public static SyntheticCatalog Catalog(int products = 3000, int seed = 7, int dimensions = Dimensions) =>
        SyntheticCatalog.Generate(new SyntheticCatalogSpec(products, dimensions, seed)
        {
            Rank = 16,
            ProductsPerDesign = 60,
            Retailers = 100,
            Noise = 0.8,
        });

    public static ShardOptions Options(int dimensions = Dimensions) => new(dimensions);

    public static IndexShard Shard(SyntheticCatalog catalog, ShardOptions? options = null) =>
        IndexShard.Build(options ?? Options(catalog.Dimensions), catalog.Records);

    public static IndexedProduct Product(string id, decimal price = 100m, string brand = "Rue",
        Availability availability = Availability.InStock, string currency = "USD", string? family = null,
        string style = "Tote") =>
        new(ProductId.Parse(id), brand, "Bag " + id, new Money(price, currency),
            $"https://shop.example/{Uri.EscapeDataString(id)}", availability, style, family);

    public static float[] UnitVector(int dimensions, int seed)
    {
        var random = new Random(seed * 7919 + 13);
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    public static bool Passes(IndexedProduct product, SearchFilter filter, ExchangeRates rates) =>
        (filter.IncludeUnavailable || product.Availability.IsPurchasable()) &&
        (filter.Retailers.IsEmpty || filter.Retailers.Contains(product.Id.Retailer)) &&
        (filter.Brands.IsEmpty || filter.Brands.Contains(product.Brand)) &&
        (filter.Styles.IsEmpty || filter.Styles.Contains(product.Style)) &&
        (!filter.HasPriceRange || filter.PriceInRange(rates.Convert(product.Price, filter.Currency).Amount));

    /// <summary>The true top-k ids among records passing the predicate.</summary>
    public static List<string> BruteForce(IEnumerable<ShardRecord> records, float[] query, int k,
        Func<IndexedProduct, bool>? passes = null) =>
        records
            .Where(r => passes?.Invoke(r.Product) ?? true)
            .Select(r => (Id: r.Product.Id.ToString(), Score: TensorPrimitives.CosineSimilarity(query, r.Vector)))
            .OrderByDescending(x => x.Score)
            .Take(k)
            .Select(x => x.Id)
            .ToList();

    public static double Recall(IReadOnlyList<string> truth, IEnumerable<ShardHit> hits)
    {
        if (truth.Count == 0)
            return 1;
        var found = hits.Select(h => h.Product.Id.ToString()).ToHashSet();
        return truth.Count(found.Contains) / (double)truth.Count;
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "pursearch-index-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
