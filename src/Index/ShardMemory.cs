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
}
