using Pursearch.Core.Money;
using SkiaSharp;
using static Pursearch.Forge.World.Hardware;

namespace Pursearch.Forge.World;

/// <summary>The fixed part of the world: brands, their styles (the classes), colourways and retailers. Seeds never change it.</summary>
public static class WorldDefinition
{
    /// <summary>Bumped whenever classes, rendering or sampling change what a seed produces.</summary>
    public const string Version = "forge-1.0";

    public static IReadOnlyList<Colourway> Colourways { get; } =
    [
        new("noir", "Noir", new SKColor(0x24, 0x21, 0x22)),
        new("cognac", "Cognac", new SKColor(0x9c, 0x5b, 0x2e)),
        new("bordeaux", "Bordeaux", new SKColor(0x72, 0x22, 0x2e)),
        new("navy", "Navy", new SKColor(0x23, 0x33, 0x55)),
        new("ivory", "Ivory", new SKColor(0xe6, 0xdc, 0xc8)),
        new("olive", "Olive", new SKColor(0x5f, 0x66, 0x38)),
        new("rose", "Rose", new SKColor(0xd6, 0x9c, 0xa0)),
        new("stone", "Stone Grey", new SKColor(0x8e, 0x8a, 0x84)),
    ];

    private static readonly Brand Ardent = new("maison-ardent", "Maison Ardent", Metal.Gold);
    private static readonly Brand Valmont = new("valmont", "Valmont", Metal.Gold);
    private static readonly Brand Castellane = new("castellane", "Castellane", Metal.Gold);
    private static readonly Brand Hollis = new("hollis-vane", "Hollis & Vane", Metal.Silver);
    private static readonly Brand Orsini = new("orsini", "Orsini", Metal.Gold);
    private static readonly Brand Bexley = new("bexley", "Bexley", Metal.Silver);

    public static IReadOnlyList<Brand> Brands { get; } = [Ardent, Valmont, Castellane, Hollis, Orsini, Bexley];

    public static IReadOnlyList<HandbagStyle> Styles { get; } =
    [
        new(Ardent, "classic-flap", "Classic Flap", Silhouette.FlapShoulder, Signature.Quilting, TurnLock | ChainStrap),
        new(Ardent, "quilted-shopper", "Quilted Shopper", Silhouette.Tote, Signature.Quilting, ChainStrap),
        new(Ardent, "quilted-backpack", "Quilted Backpack", Silhouette.Backpack, Signature.Quilting, TurnLock | ChainStrap),
        new(Valmont, "voyager-tote", "Voyager Tote", Silhouette.Tote, Signature.Monogram, TopHandles),
        new(Valmont, "dome-satchel", "Dome Satchel", Silhouette.DomeSatchel, Signature.Monogram, TopHandles | Zip | Padlock),
        new(Valmont, "monogram-bucket", "Monogram Bucket", Silhouette.Bucket, Signature.Monogram, Drawstring | LeatherStrap),
        new(Castellane, "woven-pouch", "Woven Pouch", Silhouette.Pouch, Signature.Woven, None),
        new(Castellane, "cassette", "Cassette", Silhouette.Crossbody, Signature.Woven, LeatherStrap),
        new(Castellane, "knot-hobo", "Knot Hobo", Silhouette.Hobo, Signature.Woven, KnotHandle),
        new(Hollis, "vane-satchel", "Vane Satchel", Silhouette.Satchel, Signature.Croc, SingleHandle | TurnLock | Buckles),
        new(Hollis, "carry-all", "Carry-All", Silhouette.Satchel, Signature.Pebbled, TopHandles | Padlock | Buckles),
        new(Hollis, "picot-bucket", "Picot Bucket", Silhouette.Bucket, Signature.PlainLeather, TopHandles | Padlock),
        new(Orsini, "web-flap", "Web Flap", Silhouette.FlapShoulder, Signature.Stripes, TurnLock | ChainStrap),
        new(Orsini, "horsebit-hobo", "Horsebit Hobo", Silhouette.Hobo, Signature.PlainLeather, Horsebit | LeatherStrap),
        new(Orsini, "web-baguette", "Web Baguette", Silhouette.Baguette, Signature.Stripes, LeatherStrap | Buckles),
        new(Bexley, "heritage-tote", "Heritage Tote", Silhouette.Tote, Signature.Check, TopHandles),
        new(Bexley, "drawstring-bucket", "Drawstring Bucket", Silhouette.Bucket, Signature.PlainLeather, Drawstring | LeatherStrap),
        new(Bexley, "check-crossbody", "Check Crossbody", Silhouette.Crossbody, Signature.Check, LeatherStrap),
    ];

    public static IReadOnlyList<Retailer> Retailers { get; } =
    [
        new("saint-clair", "Saint-Clair", Currency.Eur, "sc",
            [Ardent.Slug, Valmont.Slug, Castellane.Slug, Hollis.Slug, Orsini.Slug, Bexley.Slug],
            new PriceRange(1450m, 8900m, 50m), 0, null, null, new SKColor(0xf4, 0xf4, 0xf2)),
        new("harlow", "Harlow & Finch", Currency.Gbp, "hf",
            [Valmont.Slug, Hollis.Slug, Orsini.Slug, Bexley.Slug],
            new PriceRange(890m, 6500m, 10m), 0.25, "Harlow Studio", new PriceRange(45m, 129m, 1m),
            new SKColor(0xe9, 0xe9, 0xeb)),
        new("rue", "Rue", Currency.Usd, "r",
            [],
            new PriceRange(0m, 0m, 1m), 1.0, "Rue", new PriceRange(19m, 89m, 10m, -0.1m),
            new SKColor(0xef, 0xe6, 0xda)),
        new("marlowe", "Marlowe Outlet", Currency.Usd, "mo",
            [Ardent.Slug, Valmont.Slug, Castellane.Slug, Orsini.Slug],
            new PriceRange(590m, 3900m, 5m, -0.01m), 0.35, "Marlowe Basics", new PriceRange(29m, 149m, 1m, -0.01m),
            new SKColor(0xe4, 0xe8, 0xec)),
    ];

    /// <summary>Multiplier on a family's base price per size variant.</summary>
    public static decimal SizePriceFactor(BagSize size) => size switch
    {
        BagSize.Mini => 0.72m,
        BagSize.Small => 0.88m,
        BagSize.Medium => 1.0m,
        BagSize.Large => 1.16m,
        _ => throw new ArgumentOutOfRangeException(nameof(size)),
    };
}
