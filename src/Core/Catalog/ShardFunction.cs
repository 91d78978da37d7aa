using System.IO.Hashing;
using System.Text;

namespace Pursearch.Core.Catalog;

/// <summary>The stable product-to-shard function of DESIGN §5: XxHash64 of the UTF-8 id, modulo the shard count.</summary>
public static class ShardFunction
{
    public static int ShardOf(ProductId id, int shardCount)
    {
        if (shardCount <= 0)
            throw new DomainException("shardCount", "must be positive");
        var bytes = Encoding.UTF8.GetBytes(id.ToString());
        return (int)(XxHash64.HashToUInt64(bytes) % (ulong)shardCount);
    }
}
