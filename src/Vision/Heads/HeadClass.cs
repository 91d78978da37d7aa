namespace Pursearch.Vision.Heads;

/// <summary>One class of the identification head: a brand + style (slug <c>brand-slug/style-slug</c>), or the
/// "not a handbag" class (slug <see cref="NotHandbagSlug"/>, no brand or style).</summary>
public sealed record HeadClass
{
    public const string NotHandbagSlug = "_none";

    public HeadClass(string slug, string? brand, string? style)
    {
        Slug = string.IsNullOrWhiteSpace(slug) ? throw new ArgumentException("class slug must not be empty", nameof(slug)) : slug.Trim();
        if (!IsNotHandbag && (string.IsNullOrWhiteSpace(brand) || string.IsNullOrWhiteSpace(style)))
            throw new ArgumentException($"class {Slug} needs a brand and a style", nameof(brand));
        (Brand, Style) = IsNotHandbag ? (null, null) : (brand!.Trim(), style!.Trim());
    }

    public static HeadClass NotHandbag { get; } = new(NotHandbagSlug, null, null);

    public string Slug { get; }
    public string? Brand { get; }
    public string? Style { get; }
    public bool IsNotHandbag => Slug == NotHandbagSlug;
}
