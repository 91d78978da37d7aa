namespace Pursearch.Forge.World;

/// <summary>The surface a brand is known by: a print, a stitch pattern or a leather finish.</summary>
public enum Signature
{
    PlainLeather,
    Quilting,
    Monogram,
    Woven,
    Croc,
    Pebbled,
    Stripes,
    Check,
}
