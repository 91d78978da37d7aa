namespace Pursearch.Storage.Contracts;

/// <summary>What an upsert did to a product, strongest first when several kinds of field changed.</summary>
public enum UpsertOutcome
{
    /// <summary>The product was new.</summary>
    Created,

    /// <summary>Nothing the retailer publishes changed; only the last-seen time moved.</summary>
    Unchanged,

    /// <summary>Only price or availability changed: the vector stays valid.</summary>
    PriceChanged,

    /// <summary>The image URL or image hash changed: the product needs a new vector.</summary>
    ImageChanged,

    /// <summary>Other published fields (brand, name, style, family, colour) changed, the image did not.</summary>
    Changed,
}
