namespace Pursearch.Index;

/// <summary>
/// What a shard's rows cost in memory: the native HNSW index (vectors, links, key lookup) as USearch reports
/// it, the filter columns, and an estimate of the display fields kept per row.
/// </summary>
public sealed record ShardMemory(long Vectors, long NativeBytes, long ColumnBytes, long ListingBytes)
{
    public long TotalBytes => NativeBytes + ColumnBytes + ListingBytes;

    public double BytesPerVector => Vectors == 0 ? 0 : TotalBytes / (double)Vectors;

    public double NativeBytesPerVector => Vectors == 0 ? 0 : NativeBytes / (double)Vectors;

    /// <summary>The product record with its ProductId, Money and references, plus the text it holds (UTF-16).</summary>
    internal static long EstimateListingBytes(IndexedProduct product)
    {
        static long Text(string? s) => s is null ? 0 : 22 + 2L * s.Length;
        return 112 + Text(product.Id.Retailer) + Text(product.Id.Sku) + Text(product.Brand) + Text(product.Name)
            + Text(product.Style) + Text(product.FamilyId) + Text(product.ProductUrl) + Text(product.ImageSha256);
    }
}
