using Pursearch.Forge.World;

namespace Pursearch.Forge.Sites;

/// <summary>Which markup a shop's product pages carry.</summary>
public enum ProductMarkupStyle
{
    /// <summary>One schema.org Product JSON-LD block with an Offer.</summary>
    JsonLd,
    /// <summary>A JSON-LD <c>@graph</c>: the Product, its Brand by <c>@id</c>, an ImageObject, a list of offers.</summary>
    JsonLdGraph,
    /// <summary>schema.org microdata (itemscope/itemprop) with the price as shop text.</summary>
    Microdata,
    /// <summary>OpenGraph product tags without a price; the price, sku and stock only in plain HTML.</summary>
    OpenGraph,
}

/// <summary>How a shop pages its listing.</summary>
public enum ListingStyle
{
    /// <summary><c>/bags?page=N</c>, linked by plain "next" anchors.</summary>
    QueryPages,
    /// <summary><c>/collection/page/N</c>, linked by <c>rel=next</c> (link and anchor).</summary>
    RelNextPages,
}

/// <summary>How a shop writes the links on its pages.</summary>
public enum LinkStyle
{
    /// <summary><c>/p/sku</c>.</summary>
    RootRelative,
    /// <summary><c>http://host:port/p/sku</c>.</summary>
    Absolute,
    /// <summary><c>../p/sku</c>, relative to the listing page.</summary>
    PathRelative,
}

/// <summary>The look of one Forge shop: markup, listing pagination, link style and price style.</summary>
public sealed record ShopLayout(ProductMarkupStyle Markup, ListingStyle Listing, LinkStyle Links, PriceStyle Prices)
{
    /// <summary>Products per listing page.</summary>
    public const int PageSize = 12;

    /// <summary>Each retailer of the world is marked up its own way, as real shops are.</summary>
    public static ShopLayout For(Retailer retailer) => retailer.Slug switch
    {
        "saint-clair" => new(ProductMarkupStyle.Microdata, ListingStyle.RelNextPages, LinkStyle.Absolute, PriceStyle.Continental),
        "harlow" => new(ProductMarkupStyle.OpenGraph, ListingStyle.QueryPages, LinkStyle.PathRelative, PriceStyle.CodeFirst),
        "rue" => new(ProductMarkupStyle.JsonLd, ListingStyle.QueryPages, LinkStyle.RootRelative, PriceStyle.SymbolFirst),
        _ => new(ProductMarkupStyle.JsonLdGraph, ListingStyle.RelNextPages, LinkStyle.RootRelative, PriceStyle.SymbolFirst),
    };

    public string ListingPath(int page) => Listing == ListingStyle.QueryPages ? $"/bags?page={page}" : $"/collection/page/{page}";
}
