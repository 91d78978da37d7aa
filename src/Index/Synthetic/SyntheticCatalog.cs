using System.IO.Hashing;
using System.Numerics.Tensors;
using System.Text;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;

namespace Pursearch.Index.Synthetic;

/// <summary>
/// A catalog of embeddings with the structure real image embeddings have, for benchmarks and tests: vectors
/// are a low-rank signal (designs clustered in a subspace) plus isotropic noise, never uniform random (on
/// which every HNSW looks broken). Prices follow the design's tier, and every dupe design sits near the luxury
/// design it copies, so "near a luxury bag but under $100" is a real, adversarial filter.
/// </summary>
public sealed class SyntheticCatalog
{
    private readonly SyntheticCatalogSpec _spec;
    private readonly float[][] _basis;
    private readonly Design[] _designs;
    private readonly Random _random;

    private SyntheticCatalog(SyntheticCatalogSpec spec)
    {
        _spec = spec;
        _random = new Random(SeedOf(spec.Seed));
        _basis = Basis(spec, _random);
        _designs = Designs(spec, _random);
        var records = new ShardRecord[spec.Products];
        var tiers = new PriceTier[spec.Products];
        for (var i = 0; i < spec.Products; i++)
        {
            var design = _designs[_random.Next(_designs.Length)];
            tiers[i] = design.Tier;
            records[i] = new ShardRecord(ProductOf(i, design), VectorNear(design.Center, spec.DesignSpread));
        }
        Records = records;
        Tiers = tiers;
    }

    public IReadOnlyList<ShardRecord> Records { get; }

    public IReadOnlyList<PriceTier> Tiers { get; }

    public int Dimensions => _spec.Dimensions;

    public static SyntheticCatalog Generate(SyntheticCatalogSpec spec) => new(spec);

    /// <summary>A fresh vector from the same distribution as the catalog (a new photo of some design).</summary>
    public float[] SampleQuery() => VectorNear(_designs[_random.Next(_designs.Length)].Center, _spec.DesignSpread);

    /// <summary>A fresh vector near a random design of the given tier.</summary>
    public float[] SampleQuery(PriceTier tier)
    {
        var candidates = _designs.Where(d => d.Tier == tier).ToArray();
        return VectorNear(candidates[_random.Next(candidates.Length)].Center, _spec.DesignSpread);
    }

    /// <summary>Slugs of the first <paramref name="count"/> retailers (each carries 1/Retailers of the catalog).</summary>
    public IReadOnlyList<string> RetailerSlugs(int count) =>
        Enumerable.Range(0, Math.Min(count, _spec.Retailers)).Select(RetailerSlug).ToList();

    private float[] VectorNear(float[] center, double spread)
    {
        var latent = new float[_spec.Rank];
        for (var j = 0; j < latent.Length; j++)
            latent[j] = center[j] + (float)(spread * Gaussian());
        var vector = new float[_spec.Dimensions];
        for (var d = 0; d < vector.Length; d++)
            vector[d] = (float)(_spec.Noise * Gaussian());
        for (var j = 0; j < latent.Length; j++)
            TensorPrimitives.MultiplyAdd(_basis[j], latent[j], vector, vector);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    private IndexedProduct ProductOf(int index, Design design)
    {
        var retailer = RetailerSlug(index % _spec.Retailers);
        var sku = $"sku-{index:D7}";
        var usd = Math.Round((decimal)Math.Exp(Math.Log(design.MedianPriceUsd) + 0.3 * Gaussian()), 2);
        var price = (index % 10) switch
        {
            0 => new Money(Math.Round(usd / 1.08m, 2), Currency.Eur),
            1 => new Money(Math.Round(usd / 1.27m, 2), Currency.Gbp),
            _ => new Money(usd, Currency.Usd),
        };
        var availability = (index % 100) switch
        {
            < 92 => Availability.InStock,
            < 95 => Availability.PreOrder,
            < 99 => Availability.OutOfStock,
            _ => Availability.Discontinued,
        };
        var image = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(sku))) + new string('0', 32);
        return new IndexedProduct(new ProductId(retailer, sku), design.Brand, $"{design.Name} {index}", price,
            $"https://{retailer}.example/p/{sku}", availability, design.Name, $"fam-{index / 3}", image);
    }

    private static string RetailerSlug(int index) => $"r{index:D4}";

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static float[][] Basis(SyntheticCatalogSpec spec, Random random)
    {
        var scale = 1.0 / Math.Sqrt(spec.Rank);
        return Enumerable.Range(0, spec.Rank)
            .Select(_ => Enumerable.Range(0, spec.Dimensions)
                .Select(_ => (float)(scale * Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) *
                                     Math.Cos(2.0 * Math.PI * random.NextDouble())))
                .ToArray())
            .ToArray();
    }

    private static Design[] Designs(SyntheticCatalogSpec spec, Random random)
    {
        var count = Math.Max(8, spec.Products / spec.ProductsPerDesign);
        var designs = new List<Design>(count);
        float[] Point(float[]? near, double offset) => Enumerable.Range(0, spec.Rank)
            .Select(j => (near?[j] ?? 0f) + (float)(offset * Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) *
                                                 Math.Cos(2.0 * Math.PI * random.NextDouble())))
            .ToArray();
        // A quarter luxury originals, then mid-market designs, and a dupe close to every luxury design.
        var luxury = Math.Max(2, count / 4);
        for (var i = 0; i < luxury; i++)
            designs.Add(new Design(PriceTier.Luxury, Point(null, 1), 2500, $"maison-{i % 12:D2}", $"Maison Line {i}"));
        for (var i = 0; designs.Count < count - luxury; i++)
            designs.Add(new Design(PriceTier.Mid, Point(null, 1), 300, $"studio-{i % 30:D2}", $"Studio Line {i}"));
        for (var i = 0; i < luxury; i++)
            designs.Add(new Design(PriceTier.Dupe, Point(designs[i].Center, 0.6), 45, $"look-{i % 20:D2}", $"Lookalike {i}"));
        return [.. designs];
    }

    private static int SeedOf(int seed) => (int)XxHash32.HashToUInt32(BitConverter.GetBytes(seed));

    private sealed record Design(PriceTier Tier, float[] Center, double MedianPriceUsd, string Brand, string Name);
}
