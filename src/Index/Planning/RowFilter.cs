using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.Index.Columns;
using Pursearch.Index.Native;

namespace Pursearch.Index.Planning;

/// <summary>
/// A <see cref="SearchFilter"/> compiled against one shard's columns: price bounds converted to the shard's
/// base currency, names turned into masks over compact ids. Evaluated on every node an HNSW walk reaches, so
/// it only reads arrays. Valid while the caller holds the shard's read lock.
/// </summary>
internal sealed class RowFilter : IKeyFilter
{
    private readonly ShardColumns _columns;
    private readonly bool[]? _retailers;
    private readonly bool[]? _brands;
    private readonly bool[]? _styles;
    private readonly int _excludedFamily;

    private RowFilter(ShardColumns columns, float minPrice, float maxPrice, bool[]? retailers, bool[]? brands,
        bool[]? styles, bool purchasableOnly, int excludedFamily, bool matchesNothing)
    {
        _columns = columns;
        MinPrice = minPrice;
        MaxPrice = maxPrice;
        _retailers = retailers;
        _brands = brands;
        _styles = styles;
        PurchasableOnly = purchasableOnly;
        _excludedFamily = excludedFamily;
        MatchesNothing = matchesNothing;
    }

    public float MinPrice { get; }
    public float MaxPrice { get; }
    public bool HasPriceRange => MinPrice > float.NegativeInfinity || MaxPrice < float.PositiveInfinity;
    public bool PurchasableOnly { get; }
    public IEnumerable<int> RetailerIds => IdsOf(_retailers);
    public IEnumerable<int> BrandIds => IdsOf(_brands);
    public IEnumerable<int> StyleIds => IdsOf(_styles);
    public bool RestrictsRetailers => _retailers is not null;
    public bool RestrictsBrands => _brands is not null;
    public bool RestrictsStyles => _styles is not null;
    public int ExcludedFamily => _excludedFamily;

    /// <summary>A named retailer, brand or style is not in this shard at all: nothing can match.</summary>
    public bool MatchesNothing { get; }

    /// <summary>Every live row passes: the walk needs no predicate.</summary>
    public bool MatchesEverything =>
        !MatchesNothing && !HasPriceRange && _retailers is null && _brands is null && _styles is null &&
        _excludedFamily < 0 && (!PurchasableOnly || UnpurchasableRows == 0);

    public int UnpurchasableRows =>
        _columns.RowsWith(Availability.OutOfStock) + _columns.RowsWith(Availability.Discontinued);

    public static RowFilter Compile(SearchFilter filter, ProductFamily? excludeFamily, ShardColumns columns,
        ExchangeRates rates)
    {
        var min = filter.MinPrice is { } low ? ToBase(low, filter.Currency, rates) : float.NegativeInfinity;
        var max = filter.MaxPrice is { } high ? ToBase(high, filter.Currency, rates) : float.PositiveInfinity;
        var retailers = MaskOf(filter.Retailers, columns.Retailers);
        var brands = MaskOf(filter.Brands, columns.Brands);
        var styles = MaskOf(filter.Styles, columns.Styles);
        var family = excludeFamily is { } f && columns.Families.TryGetId(f.ToString(), out var id) ? id : -1;
        var nothing = IsEmptyMask(retailers) || IsEmptyMask(brands) || IsEmptyMask(styles);
        return new RowFilter(columns, min, max, retailers, brands, styles, !filter.IncludeUnavailable, family, nothing);
    }

    public bool Accepts(ulong key) => key < (ulong)_columns.RowCount && Matches((int)key);

    public bool Matches(int row)
    {
        var price = _columns.PriceAt(row);
        if (price < MinPrice || price > MaxPrice)
            return false;
        if (_retailers is not null && !_retailers[_columns.RetailerAt(row)])
            return false;
        if (_brands is not null && !_brands[_columns.BrandAt(row)])
            return false;
        if (_styles is not null && !_styles[_columns.StyleAt(row)])
            return false;
        if (PurchasableOnly && !_columns.AvailabilityAt(row).IsPurchasable())
            return false;
        return _excludedFamily < 0 || _columns.FamilyAt(row) != _excludedFamily;
    }

    private static float ToBase(decimal amount, Currency currency, ExchangeRates rates) =>
        (float)rates.Convert(new Money(amount, currency), rates.Base).Amount;

    private static bool[]? MaskOf(IReadOnlyCollection<string> names, NameTable table)
    {
        if (names.Count == 0)
            return null;
        var mask = new bool[table.Count];
        foreach (var name in names)
            if (table.TryGetId(name, out var id))
                mask[id] = true;
        return mask;
    }

    private static bool IsEmptyMask(bool[]? mask) => mask is not null && !mask.Contains(true);

    private static IEnumerable<int> IdsOf(bool[]? mask)
    {
        if (mask is null)
            yield break;
        for (var id = 0; id < mask.Length; id++)
            if (mask[id])
                yield return id;
    }
}
