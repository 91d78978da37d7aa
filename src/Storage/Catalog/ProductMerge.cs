using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Catalog;

/// <summary>How an incoming product lands on the stored one: what to store and how to classify the change.</summary>
public static class ProductMerge
{
    /// <summary>The product to store and the outcome to answer; every store implementation upserts through this.</summary>
    public static (Product Stored, UpsertOutcome Outcome) Merge(Product? existing, Product incoming)
    {
        if (existing is null)
            return (incoming, UpsertOutcome.Created);
        var merged = KeepKnownImageHash(existing, incoming);
        var lastSeen = merged.LastSeen > existing.LastSeen ? merged.LastSeen : existing.LastSeen;
        merged = merged.WithSeen(existing.FirstSeen, lastSeen);
        return (merged, Classify(existing, merged));
    }

    public static UpsertOutcome Classify(Product existing, Product incoming)
    {
        if (existing.ContentHash == incoming.ContentHash)
            return UpsertOutcome.Unchanged;
        if (existing.ImageFingerprint != incoming.ImageFingerprint)
            return UpsertOutcome.ImageChanged;
        return SameDescription(existing, incoming) ? UpsertOutcome.PriceChanged : UpsertOutcome.Changed;
    }

    // A crawler that has not fetched the image (yet, or because it answered 304) sends no hash: unknown is not changed.
    private static Product KeepKnownImageHash(Product existing, Product incoming) =>
        incoming.ImageSha256 is null && existing.ImageSha256 is not null &&
        incoming.ImageUrl.AbsoluteUri == existing.ImageUrl.AbsoluteUri
            ? incoming.WithImage(existing.ImageSha256)
            : incoming;

    private static bool SameDescription(Product a, Product b) =>
        a.Brand == b.Brand && a.Name == b.Name && a.Style == b.Style && a.FamilyId == b.FamilyId &&
        a.Colour == b.Colour;
}
