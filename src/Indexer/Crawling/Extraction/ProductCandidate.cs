namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>Which markup a product was read from, in the order they are tried.</summary>
public enum ProductMarkup
{
    JsonLd,
    Microdata,
    OpenGraph,
    Html,
}

/// <summary>The fields of a product as one kind of markup gave them, before validation; any may be missing.</summary>
public sealed class ProductCandidate(ProductMarkup markup)
{
    public ProductMarkup Markup { get; } = markup;
    public string? Sku { get; set; }
    public string? Name { get; set; }
    public string? Brand { get; set; }
    /// <summary>The price as written; see <see cref="PriceNotation"/>.</summary>
    public string? Price { get; set; }
    public PriceNotation PriceNotation { get; set; } = PriceNotation.Structured;
    public string? PriceCurrency { get; set; }
    public string? Availability { get; set; }
    public List<Uri> Images { get; } = [];
    public Uri? Url { get; set; }
    public string? Style { get; set; }
    public string? Colour { get; set; }
    public string? FamilyId { get; set; }
    public string? Gtin { get; set; }
    public string? Mpn { get; set; }

    /// <summary>Fills the fields this candidate lacks from another (lower-priority) reading of the same product.</summary>
    public void FillFrom(ProductCandidate other)
    {
        Sku ??= other.Sku;
        Name ??= other.Name;
        Brand ??= other.Brand;
        if (Price is null)
        {
            Price = other.Price;
            PriceNotation = other.PriceNotation;
        }
        PriceCurrency ??= other.PriceCurrency;
        Availability ??= other.Availability;
        if (Images.Count == 0)
            Images.AddRange(other.Images);
        Url ??= other.Url;
        Style ??= other.Style;
        Colour ??= other.Colour;
        FamilyId ??= other.FamilyId;
        Gtin ??= other.Gtin;
        Mpn ??= other.Mpn;
    }
}
