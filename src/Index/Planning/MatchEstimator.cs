using Pursearch.Core.Catalog;
using Pursearch.Index.Columns;

namespace Pursearch.Index.Planning;

/// <summary>
/// Estimates how many live rows a filter matches from the shard's statistics alone (counts per id, the price
/// histogram, counts per availability), taking the conditions as independent.
/// </summary>
internal static class MatchEstimator
{
    public static long Estimate(RowFilter filter, ShardColumns columns)
    {
        var live = columns.LiveCount;
        if (live == 0 || filter.MatchesNothing)
            return 0;
        double share = 1;
        if (filter.HasPriceRange)
            share *= columns.Prices.Share(filter.MinPrice, filter.MaxPrice);
        if (filter.RestrictsRetailers)
            share *= ShareOf(filter.RetailerIds, columns.Retailers, live);
        if (filter.RestrictsBrands)
            share *= ShareOf(filter.BrandIds, columns.Brands, live);
        if (filter.RestrictsStyles)
            share *= ShareOf(filter.StyleIds, columns.Styles, live);
        if (filter.PurchasableOnly)
            share *= (columns.RowsWith(Availability.InStock) + columns.RowsWith(Availability.PreOrder)) / (double)live;
        if (filter.ExcludedFamily >= 0)
            share *= 1 - columns.Families.RowsWith(filter.ExcludedFamily) / (double)live;
        return (long)Math.Ceiling(Math.Clamp(share, 0, 1) * live);
    }

    private static double ShareOf(IEnumerable<int> ids, NameTable table, int live) =>
        ids.Sum(table.RowsWith) / (double)live;
}
