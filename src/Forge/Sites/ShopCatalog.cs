using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Forge.Randomness;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Sites;

/// <summary>
/// What the Forge shops offer right now: every product of the world with its shop state (a seeded few start out of
/// stock or on pre-order). Switches change a fraction of the listed products deterministically: products are taken in
/// one seeded order, each switch continuing where the last stopped, so successive switches never pick the same product.
/// Thread-safe.
/// </summary>
public sealed class ShopCatalog
{
    private readonly Lock _gate = new();
    private readonly ShopItem[] _items;
    private readonly int[] _changeOrder;
    private int _cursor;

    public ShopCatalog(ForgeWorld world)
    {
        World = world;
        _items = world.Products.Select(p => new ShopItem(p, p.Price, InitialStock(world.Seed, p), 0, true, 0)).ToArray();
        _changeOrder = Shuffled(world.Seed, _items.Length);
    }

    public ForgeWorld World { get; }

    /// <summary>Every listed product, in world order.</summary>
    public IReadOnlyList<ShopItem> Listed()
    {
        lock (_gate)
            return _items.Where(i => i.Listed).ToList();
    }

    /// <summary>The listed products of one shop, in sku order (the order its listings and sitemaps use).</summary>
    public IReadOnlyList<ShopItem> Listed(Retailer retailer)
    {
        lock (_gate)
            return _items.Where(i => i.Listed && i.Retailer.Slug == retailer.Slug)
                .OrderBy(i => i.Sku, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every product of one shop, listed or not, in sku order (fault pages are assigned over this stable order).</summary>
    public IReadOnlyList<ShopItem> All(Retailer retailer)
    {
        lock (_gate)
            return _items.Where(i => i.Retailer.Slug == retailer.Slug).OrderBy(i => i.Sku, StringComparer.Ordinal).ToList();
    }

    /// <summary>The product of a shop with this sku, or null when there is none or it is not listed.</summary>
    public ShopItem? Find(Retailer retailer, string sku)
    {
        if (!ProductId.TryParse($"{retailer.Slug}:{sku}", out var id) || !World.TryGetProduct(id, out var product))
            return null;
        lock (_gate)
            return _items[product.Index] is { Listed: true } item ? item : null;
    }

    /// <summary>Changes <paramref name="fraction"/> of the listed products (rounded, at least one when above 0) and returns their ids.</summary>
    public IReadOnlyList<ProductId> Change(CatalogChange change, double fraction)
    {
        if (!double.IsFinite(fraction) || fraction is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be between 0 and 1");
        lock (_gate)
        {
            var listed = _items.Count(i => i.Listed);
            var wanted = fraction == 0 ? 0 : Math.Max(1, (int)Math.Round(fraction * listed, MidpointRounding.AwayFromZero));
            var changed = new List<ProductId>(wanted);
            while (changed.Count < wanted && _cursor < _changeOrder.Length)
            {
                var index = _changeOrder[_cursor++];
                if (!_items[index].Listed)
                    continue;
                _items[index] = Apply(_items[index], change);
                changed.Add(_items[index].Id);
            }
            return changed;
        }
    }

    private static ShopItem Apply(ShopItem item, CatalogChange change)
    {
        var next = item with { Version = item.Version + 1 };
        return change switch
        {
            CatalogChange.Price => next with { Price = NewPrice(item) },
            CatalogChange.Image => next with { ImageRevision = item.ImageRevision + 1 },
            CatalogChange.Stock => next with
            {
                Availability = item.Availability == Availability.InStock ? Availability.OutOfStock : Availability.InStock,
            },
            CatalogChange.Delist => next with { Listed = false },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
    }

    private static Money NewPrice(ShopItem item)
    {
        var range = item.Product.IsDupe ? item.Retailer.DupePrices! : item.Retailer.BrandedPrices;
        var sale = range.Round(item.Price.Amount * 0.85m);
        var amount = sale != item.Price.Amount ? sale : range.Round(item.Price.Amount * 1.15m);
        if (amount == item.Price.Amount)
            amount = item.Price.Amount + range.Step;
        return new Money(amount, item.Price.Currency);
    }

    // About one in eleven starts out of stock and one in twenty-five on pre-order, so availability is worth extracting.
    private static Availability InitialStock(int seed, ForgeProduct product)
    {
        var draw = ItemSeed.Rng(seed, "shop-stock", product.Index).NextDouble();
        return draw < 0.09 ? Availability.OutOfStock : draw < 0.13 ? Availability.PreOrder : Availability.InStock;
    }

    private static int[] Shuffled(int seed, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        ItemSeed.Rng(seed, "shop-changes", 0).Shuffle(order);
        return order;
    }
}
