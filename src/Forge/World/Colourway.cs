using SkiaSharp;

namespace Pursearch.Forge.World;

/// <summary>A named leather colour; every style is made in the same set, so colour never names a class.</summary>
public sealed record Colourway(string Slug, string Name, SKColor Base);
