using System.Text.RegularExpressions;

namespace Pursearch.Core.Catalog;

/// <summary>Identity of a product: <c>{retailer}:{sku}</c>, retailer a lower-case slug, sku trimmed with case kept.</summary>
public readonly partial record struct ProductId
{
    public string Retailer { get; }
    public string Sku { get; }

    public ProductId(string retailer, string sku)
    {
        Retailer = RetailerSlug.Normalize(retailer);
        Sku = Guard.NotBlank(sku, "sku");
        if (Sku.Any(char.IsControl))
            throw new DomainException("sku", "must not contain control characters");
    }

    /// <summary>Parses <c>retailer:sku</c>; the sku may itself contain colons.</summary>
    public static ProductId Parse(string value)
    {
        var colon = (value ?? throw new DomainException("productId", "must not be empty")).IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
            throw new DomainException("productId", $"'{value}' is not of the form retailer:sku");
        return new ProductId(value[..colon], value[(colon + 1)..]);
    }

    public static bool TryParse(string? value, out ProductId id)
    {
        try
        {
            id = Parse(value!);
            return true;
        }
        catch (DomainException)
        {
            id = default;
            return false;
        }
    }

    public override string ToString() => $"{Retailer}:{Sku}";
}

/// <summary>Normalises retailer names to the lower-case slug used in ids and filters.</summary>
public static partial class RetailerSlug
{
    public static string Normalize(string? retailer)
    {
        var slug = Guard.NotBlank(retailer, "retailer").ToLowerInvariant();
        if (!SlugPattern().IsMatch(slug))
            throw new DomainException("retailer", $"'{retailer}' is not a slug (a-z, 0-9, '-', '_', '.')");
        return slug;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex SlugPattern();
}
