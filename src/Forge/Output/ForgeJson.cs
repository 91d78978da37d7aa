using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pursearch.Forge.Rendering.Scenes;
using Pursearch.Forge.World;

namespace Pursearch.Forge.Output;

/// <summary>
/// Writes forge.json, catalog lines and photo sidecars with a fixed property order and no timestamps, so the
/// same seed gives byte-identical files. Fractions are rounded to 6 decimals.
/// </summary>
public static class ForgeJson
{
    // Relaxed escaping keeps '+' and '&' readable; output is JSON files, never embedded in HTML.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = Compact with { Indented = true, NewLine = "\n" };

    public static byte[] Manifest(ForgeWorld world, ForgeOptions options)
    {
        var (trainNegatives, heldOutNegatives) = options.NegativeSplit;
        return Write(Indented, w =>
        {
            w.WriteStartObject();
            w.WriteString("forgeVersion", world.Version);
            w.WriteNumber("seed", world.Seed);
            w.WriteNumber("products", world.Products.Count);
            w.WriteNumber("street", options.Street);
            w.WriteNumber("trainStreet", options.TrainStreet);
            w.WriteStartObject("negatives");
            w.WriteNumber("train", trainNegatives);
            w.WriteNumber("heldout", heldOutNegatives);
            w.WriteEndObject();
            w.WriteStartObject("imageSize");
            w.WriteNumber("productShot", Rendering.ProductShotRenderer.Size);
            w.WriteNumber("streetWidth", StreetPlan.DefaultWidth);
            w.WriteNumber("streetHeight", StreetPlan.DefaultHeight);
            w.WriteEndObject();
            w.WriteStartArray("colourways");
            foreach (var c in world.Colourways)
                w.WriteStringValue(c.Slug);
            w.WriteEndArray();
            w.WriteStartArray("classes");
            foreach (var s in world.Styles)
            {
                w.WriteStartObject();
                w.WriteString("brand", s.Brand.Name);
                w.WriteString("style", s.Name);
                w.WriteString("silhouette", WorldNames.Kebab(s.Silhouette));
                w.WriteString("signature", WorldNames.Kebab(s.Signature));
                w.WriteString("hardware", WorldNames.Kebab(s.Hardware));
                w.WriteString("slug", s.ClassSlug);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("retailers");
            foreach (var r in world.Retailers)
                Retailer(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static byte[] CatalogLine(ForgeProduct p) => Write(Compact, w =>
    {
        w.WriteStartObject();
        w.WriteString("productId", p.Id.ToString());
        w.WriteString("retailer", p.Retailer.Slug);
        w.WriteString("sku", p.Sku);
        w.WriteString("brand", p.Brand);
        w.WriteString("name", p.Name);
        w.WriteString("style", p.StyleName);
        w.WriteString("familyId", p.FamilyId);
        w.WriteString("colour", p.Colour.Name);
        w.WriteString("size", p.Size.ToString());
        w.WriteStartObject("price");
        w.WriteNumber("amount", p.Price.Amount);
        w.WriteString("currency", p.Price.Currency.Code);
        w.WriteEndObject();
        w.WriteString("availability", "InStock");
        w.WriteString("productUrl", p.ProductUrl.AbsoluteUri);
        w.WriteString("imageUrl", p.ImageUrl.AbsoluteUri);
        w.WriteString("image", p.ImagePath);
        w.WriteString("trueClass", p.Style.ClassSlug);
        w.WriteBoolean("dupe", p.IsDupe);
        w.WriteEndObject();
    });

    public static byte[] Sidecar(StreetPlan plan, int seed, string forgeVersion) => Write(Indented, w =>
    {
        w.WriteStartObject();
        w.WriteString("image", $"{plan.Id}.jpg");
        w.WriteNumber("width", plan.Width);
        w.WriteNumber("height", plan.Height);
        w.WriteNumber("seed", seed);
        w.WriteString("forgeVersion", forgeVersion);
        w.WriteString("split", StreetPlan.SplitName(plan.Split));
        w.WriteNumber("index", plan.Index);
        w.WriteString("scene", WorldNames.Kebab(plan.Scene));
        w.WriteBoolean("occluded", plan.Occluded);
        w.WriteNumber("jpegQuality", plan.Finish.JpegQuality);
        w.WriteStartArray("bags");
        foreach (var bag in plan.Bags)
            Bag(w, bag, plan);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Bag(Utf8JsonWriter w, PlannedBag bag, StreetPlan plan)
    {
        var box = bag.Placement.Box;
        w.WriteStartObject();
        w.WriteString("brand", bag.Style.Brand.Name);
        w.WriteString("style", bag.Style.Name);
        w.WriteString("class", bag.Style.ClassSlug);
        if (bag.Product is { } product)
            w.WriteString("productId", product.Id.ToString());
        else
            w.WriteNull("productId");
        w.WriteString("colour", bag.Look.Colour.Name);
        w.WriteString("carry", WorldNames.Kebab(bag.Carry));
        w.WriteNumber("rotation", Math.Round(bag.Rotation, 3));
        w.WriteStartObject("box");
        w.WriteNumber("x", Fraction(box.Left, plan.Width));
        w.WriteNumber("y", Fraction(box.Top, plan.Height));
        w.WriteNumber("w", Fraction(box.Width, plan.Width));
        w.WriteNumber("h", Fraction(box.Height, plan.Height));
        w.WriteEndObject();
        w.WriteStartObject("boxPixels");
        w.WriteNumber("x", box.Left);
        w.WriteNumber("y", box.Top);
        w.WriteNumber("w", box.Width);
        w.WriteNumber("h", box.Height);
        w.WriteEndObject();
        w.WriteBoolean("primary", bag.Primary);
        w.WriteEndObject();
    }

    private static void Retailer(Utf8JsonWriter w, Retailer r)
    {
        w.WriteStartObject();
        w.WriteString("slug", r.Slug);
        w.WriteString("name", r.Name);
        w.WriteString("currency", r.Currency.Code);
        w.WriteString("host", r.Host);
        w.WriteStartArray("brands");
        foreach (var b in r.BrandSlugs)
            w.WriteStringValue(b);
        w.WriteEndArray();
        if (r.SellsBranded)
            Range(w, "brandedPrices", r.BrandedPrices);
        if (r.SellsDupes)
        {
            w.WriteString("houseLabel", r.HouseLabel);
            w.WriteNumber("dupeShare", r.DupeShare);
            Range(w, "dupePrices", r.DupePrices!);
        }
        w.WriteEndObject();
    }

    private static void Range(Utf8JsonWriter w, string name, PriceRange range)
    {
        w.WriteStartObject(name);
        w.WriteNumber("min", range.Min);
        w.WriteNumber("max", range.Max);
        w.WriteEndObject();
    }

    private static double Fraction(int value, int total) => Math.Round((double)value / total, 6);

    private static byte[] Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
            write(writer);
        if (options.Indented)
            stream.Write("\n"u8);
        return stream.ToArray();
    }
}
