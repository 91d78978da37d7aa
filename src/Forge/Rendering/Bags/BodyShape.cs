using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>
/// The geometry of one silhouette in bag-local units (body 200 wide, top-left of the body at the origin):
/// panels to fill and the points where straps, handles and fittings attach.
/// </summary>
public sealed class BodyShape : IDisposable
{
    public const float Width = 200f;

    public required float Height { get; init; }
    public required SKPath Body { get; init; }
    public SKPath? Flap { get; init; }
    /// <summary>The back wall's rim seen over the front edge (open-topped bags); painted darker, behind.</summary>
    public SKPath? Opening { get; init; }
    public SKPoint StrapLeft { get; init; }
    public SKPoint StrapRight { get; init; }
    public (SKPoint Left, SKPoint Right) FrontHandle { get; init; }
    public (SKPoint Left, SKPoint Right) BackHandle { get; init; }
    /// <summary>Handle arch height in body heights.</summary>
    public float HandleLift { get; init; } = 0.45f;
    /// <summary>Where a lock, clasp or horsebit sits.</summary>
    public SKPoint Lock { get; init; }
    /// <summary>Centres of vertical belts for buckles, and where they end.</summary>
    public float[] BeltXs { get; init; } = [];
    public float BeltBottom { get; init; }
    public float StrapWidth { get; init; } = 9f;
    public float DrawstringY { get; init; } = 16f;
    /// <summary>A zip track (clipped to the body), when the silhouette has one.</summary>
    public SKPath? ZipTrack { get; init; }
    /// <summary>Soft folds of a gathered top, stroked inside the body.</summary>
    public SKPath? Gathers { get; init; }

    public void Dispose()
    {
        Body.Dispose();
        Flap?.Dispose();
        Opening?.Dispose();
        ZipTrack?.Dispose();
        Gathers?.Dispose();
    }
}
