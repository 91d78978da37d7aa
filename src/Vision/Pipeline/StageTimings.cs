namespace Pursearch.Vision.Pipeline;

/// <summary>Wall time of each stage of one analysis, in milliseconds.</summary>
public sealed record StageTimings(double DecodeMs, double CropMs, double EmbedMs, double IdentifyMs)
{
    public double TotalMs => DecodeMs + CropMs + EmbedMs + IdentifyMs;
}
