using Microsoft.ML.OnnxRuntime;

namespace Pursearch.Vision.Embedding;

/// <summary>An ONNX Runtime session on CUDA when it loads, else on CPU, recording which one runs and why CUDA did not
/// (ORT lists CUDA as available even when its libraries are missing, so only trying tells).</summary>
public sealed class OnnxSession : IDisposable
{
    private OnnxSession(InferenceSession session, ExecutionProvider provider, string? cudaFailure)
    {
        Session = session;
        Provider = provider;
        CudaFailure = cudaFailure;
    }

    public InferenceSession Session { get; }
    public ExecutionProvider Provider { get; }
    /// <summary>The first line of the error that ruled CUDA out, or null when CUDA runs or was not asked for.</summary>
    public string? CudaFailure { get; }

    public static OnnxSession Open(string modelPath, InferenceOptions options)
    {
        string? cudaFailure = null;
        if (options.PreferCuda)
        {
            var cudaOptions = CreateOptions(options);
            // ORT's own logger would print the expected load failure to stderr; the failure is reported here instead.
            var environment = OrtEnv.Instance();
            var logLevel = environment.EnvLogLevel;
            environment.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                cudaOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                return new OnnxSession(new InferenceSession(modelPath, cudaOptions), ExecutionProvider.Cuda, null);
            }
            catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
            {
                cudaFailure = e.Message.Split('\n', 2)[0].Trim();
            }
            finally
            {
                environment.EnvLogLevel = logLevel;
                // A session keeps what it needs; options that failed to take CUDA must not be reused for CPU.
                cudaOptions.Dispose();
            }
        }
        using var cpuOptions = CreateOptions(options);
        return new OnnxSession(new InferenceSession(modelPath, cpuOptions), ExecutionProvider.Cpu, cudaFailure);
    }

    private static SessionOptions CreateOptions(InferenceOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        var spinning = options.AllowSpinning ? "1" : "0";
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning);
        sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", spinning);
        return sessionOptions;
    }

    public void Dispose() => Session.Dispose();
}
