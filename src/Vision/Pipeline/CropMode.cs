namespace Pursearch.Vision.Pipeline;

/// <summary>Whether to look for the bag before embedding (<see cref="Auto"/>) or embed the whole photo.</summary>
public enum CropMode
{
    Auto,
    Off,
}
