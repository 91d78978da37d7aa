using Pursearch.Forge.Rendering.Scenes;

namespace Pursearch.Forge.Output;

/// <summary>Relative paths of everything Forge writes (ImageFolder layout for the labelled sets).</summary>
public static class LabelledLayout
{
    public const string Manifest = "forge.json";
    public const string Catalog = "catalog.jsonl";
    public const string NoneFolder = "_none";

    /// <summary>The folder of a photo: <c>labelled/{split}/{brand}/{style}</c>, or <c>labelled/{split}/_none</c> for a negative.</summary>
    public static string FolderOf(StreetPlan plan)
    {
        var split = $"labelled/{StreetPlan.SplitName(plan.Split)}";
        if (plan.Negative)
            return $"{split}/{NoneFolder}";
        var style = plan.Bags.First(b => b.Primary).Style;
        return $"{split}/{style.Brand.Slug}/{style.Slug}";
    }

    public static string ImageOf(StreetPlan plan) => $"{FolderOf(plan)}/{plan.Id}.jpg";

    public static string SidecarOf(StreetPlan plan) => $"{FolderOf(plan)}/{plan.Id}.json";
}
