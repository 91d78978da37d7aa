using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>Maps schema.org ItemAvailability (URL or short name) and shop wording onto <see cref="Availability"/>.</summary>
public static class AvailabilityParser
{
    /// <summary>The availability <paramref name="value"/> names, or null when it names none.</summary>
    public static Availability? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        var slash = text.LastIndexOfAny(['/', ':']);
        var word = (slash >= 0 ? text[(slash + 1)..] : text)
            .ToLowerInvariant().Replace(" ", "").Replace("_", "").Replace("-", "");
        return word switch
        {
            "instock" or "available" or "limitedavailability" or "onlineonly" or "instoreonly" or "onsale" or "true" or "yes"
                => Availability.InStock,
            "outofstock" or "soldout" or "unavailable" or "oos" or "false" or "no" => Availability.OutOfStock,
            "preorder" or "presale" or "backorder" or "availablefororder" or "madetoorder" => Availability.PreOrder,
            "discontinued" => Availability.Discontinued,
            _ => null,
        };
    }
}
