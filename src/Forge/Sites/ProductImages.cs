using System.Collections.Concurrent;
using Pursearch.Forge.Rendering;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Sites;

/// <summary>
/// Product photos rendered on first request by <see cref="ProductShotRenderer"/> and kept as JPEG bytes. A changed photo
/// (revision above 0) is a re-shoot: the same product rendered with another placement draw. One cache may serve several
/// site servers of the same world (tests start many).
/// </summary>
public sealed class ProductImages(ForgeWorld world)
{
    private readonly ConcurrentDictionary<(int Index, int Revision), Lazy<byte[]>> _rendered = new();

    public ForgeWorld World { get; } = world;

    public int Count => _rendered.Count;

    public byte[] Jpeg(ForgeProduct product, int revision) =>
        _rendered.GetOrAdd((product.Index, revision), key => new Lazy<byte[]>(() => Render(key.Index, key.Revision))).Value;

    /// <summary>Whether this cache renders <paramref name="other"/>'s products (same seed and catalog).</summary>
    public bool Serves(ForgeWorld other) => other.Seed == World.Seed && other.Products.Count == World.Products.Count;

    private byte[] Render(int index, int revision)
    {
        var product = World.Products[index];
        // The renderer draws placement and lighting from the product's index: another index is another shoot.
        var shoot = revision == 0 ? product : product with { Index = product.Index + revision * 1_000_003 };
        return ProductShotRenderer.RenderJpeg(World, shoot);
    }
}
