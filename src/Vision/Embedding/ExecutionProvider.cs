namespace Pursearch.Vision.Embedding;

/// <summary>Which ONNX Runtime execution provider a session actually runs on.</summary>
public enum ExecutionProvider
{
    Cpu,
    Cuda,
}
