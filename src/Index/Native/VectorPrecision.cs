namespace Pursearch.Index.Native;

/// <summary>How the HNSW index stores vectors: full 32-bit floats, or half precision at half the memory.</summary>
public enum VectorPrecision
{
    F32,
    F16,
}
