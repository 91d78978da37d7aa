namespace Pursearch.Vision.Embedding;

/// <summary>Preprocessed network input: <see cref="Count"/> images of <see cref="Side"/>×<see cref="Side"/>,
/// laid out N×3×H×W (B, G, R planes, mean subtracted).</summary>
public sealed class ImageTensorBatch
{
    public int Count { get; }
    public int Side { get; }
    public float[] Data { get; }

    public ImageTensorBatch(int count, int side, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (side < BackboneGraph.Stride)
            throw new ArgumentOutOfRangeException(nameof(side), side, $"must be at least {BackboneGraph.Stride}");
        if (data.Length != (long)count * 3 * side * side)
            throw new ArgumentException($"expected {count}×3×{side}×{side} floats, got {data.Length}", nameof(data));
        (Count, Side, Data) = (count, side, data);
    }

    public long[] Shape => [Count, 3, Side, Side];
}
