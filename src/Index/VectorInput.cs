using System.Numerics.Tensors;
using Pursearch.Core;

namespace Pursearch.Index;

/// <summary>Checks embeddings at the shard's edge and scales them to unit length, so cosine is a dot product.</summary>
internal static class VectorInput
{
    public static void Check(ReadOnlySpan<float> vector, int dimensions, string field)
    {
        if (vector.Length != dimensions)
            throw new DomainException(field, $"has {vector.Length} dimensions; the shard holds {dimensions}");
        foreach (var value in vector)
            if (!float.IsFinite(value))
                throw new DomainException(field, "contains a NaN or infinite value");
        if (TensorPrimitives.Norm(vector) <= 1e-12f)
            throw new DomainException(field, "is all zeros and has no direction");
    }

    /// <summary>Writes the unit-length copy of a checked vector into <paramref name="target"/>.</summary>
    public static void Normalize(ReadOnlySpan<float> vector, Span<float> target)
    {
        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, norm, target);
    }
}
