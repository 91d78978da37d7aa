using Pursearch.Core;

namespace Pursearch.Index.Synthetic;

/// <summary>Size and shape of a synthetic catalog of embeddings.</summary>
public sealed record SyntheticCatalogSpec
{
    public SyntheticCatalogSpec(int products, int dimensions, int seed = 1)
    {
        Products = products > 0 ? products : throw new DomainException("products", "must be positive");
        Dimensions = dimensions is >= 8 and <= 4096
            ? dimensions
            : throw new DomainException("dimensions", $"{dimensions} is out of range 8..4096");
        Seed = seed;
    }

    public int Products { get; }
    public int Dimensions { get; }
    public int Seed { get; }

    /// <summary>Rank of the subspace the designs live in (embeddings of one domain span far fewer directions than their length).</summary>
    public int Rank { get; init; } = 64;

    /// <summary>Products per design on average (a design: one look, sold as originals or as dupes).</summary>
    public int ProductsPerDesign { get; init; } = 1000;

    /// <summary>Retailer slugs products are spread evenly over; 1000 gives filters in steps of 0.1 %.</summary>
    public int Retailers { get; init; } = 1000;

    /// <summary>Spread of products around their design in the subspace.</summary>
    public double DesignSpread { get; init; } = 0.8;

    /// <summary>Isotropic noise per dimension relative to the signal (what the subspace does not explain).</summary>
    public double Noise { get; init; } = 1.2;
}
