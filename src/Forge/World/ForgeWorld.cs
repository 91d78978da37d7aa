using System.Diagnostics.CodeAnalysis;
using Pursearch.Core.Catalog;

namespace Pursearch.Forge.World;

/// <summary>
/// A deterministic Forge world: the fixed classes, colourways and retailers of <see cref="WorldDefinition"/>
/// plus the catalog a seed samples. Same (seed, product count) → same world.
/// </summary>
public sealed class ForgeWorld
{
    private readonly Dictionary<string, HandbagStyle> _stylesBySlug;
    private readonly Dictionary<string, ForgeProduct[]> _brandedByClass;
    private readonly Dictionary<ProductId, ForgeProduct> _byId;

    public string Version => WorldDefinition.Version;
    public int Seed { get; }
    public IReadOnlyList<Brand> Brands => WorldDefinition.Brands;
    public IReadOnlyList<HandbagStyle> Styles => WorldDefinition.Styles;
    public IReadOnlyList<Colourway> Colourways => WorldDefinition.Colourways;
    public IReadOnlyList<Retailer> Retailers => WorldDefinition.Retailers;
    public IReadOnlyList<ForgeProduct> Products { get; }

    private ForgeWorld(int seed, IReadOnlyList<ForgeProduct> products)
    {
        Seed = seed;
        Products = products;
        _stylesBySlug = Styles.ToDictionary(s => s.ClassSlug, StringComparer.Ordinal);
        _brandedByClass = products.Where(p => !p.IsDupe).GroupBy(p => p.Style.ClassSlug)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byId = products.ToDictionary(p => p.Id);
    }

    public static ForgeWorld Create(int seed, int products = ForgeOptions.DefaultProducts) =>
        new(seed, ProductSampler.Sample(seed, products));

    /// <summary>The style of a class slug (<c>brand-slug/style-slug</c>).</summary>
    public HandbagStyle Style(string classSlug) =>
        _stylesBySlug.TryGetValue(classSlug, out var style)
            ? style
            : throw new KeyNotFoundException($"no class '{classSlug}' in {Version}");

    /// <summary>The product with this id, e.g. for a fake shop serving <c>/p/{sku}</c>.</summary>
    public bool TryGetProduct(ProductId id, [NotNullWhen(true)] out ForgeProduct? product) =>
        _byId.TryGetValue(id, out product);

    /// <summary>Branded products of a class (empty when the catalog has none), for street photos that depict one.</summary>
    public IReadOnlyList<ForgeProduct> BrandedProductsOf(HandbagStyle style) =>
        _brandedByClass.TryGetValue(style.ClassSlug, out var products) ? products : [];
}
