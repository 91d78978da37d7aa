using System.Security.Cryptography;
using System.Text;

namespace Pursearch.E2E.Harness;

/// <summary>
/// A demo data dir prepared by <c>up --demo --prepare-only</c>, cached under <c>.build/e2e/demo-{key}</c> where the key
/// hashes the Host's own assemblies (deterministic builds: same source, same bytes) and the world size, so a source
/// change prepares afresh and an unchanged tree reuses it. The world is a small Forge world generated first into
/// <c>{data}/forge</c>: <c>up --demo</c> reuses any complete Forge world of the default seed it finds there.
/// </summary>
public sealed class DemoDataCache(RepositoryLayout repo)
{
    // Small enough to prepare in about two CPU-minutes; 40 held-out street photos still give the page its 8 examples.
    private static readonly string[] WorldSize = ["--products", "150", "--street", "40", "--train-street", "120", "--negatives", "20"];
    private static readonly TimeSpan PrepareTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The prepared dir, preparing it first when this build has none.</summary>
    public async Task<string> EnsurePreparedAsync()
    {
        var prepared = Path.Combine(repo.CacheDirectory, $"demo-{Key()}");
        if (Directory.Exists(prepared))
            return prepared;
        DeleteStale();
        var partial = $"{prepared}.partial-{Environment.ProcessId}";
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        await ChildProcess.RunHostAsync(repo, PrepareTimeout, ["forge", "generate", Path.Combine(partial, "forge"), .. WorldSize]);
        await ChildProcess.RunHostAsync(repo, PrepareTimeout, "up", "--demo", "--prepare-only", "--data", partial);
        Directory.Move(partial, prepared);
        return prepared;
    }

    /// <summary>A private copy of the prepared dir, so a test run never changes the cached one.</summary>
    public static string CopyOf(string prepared)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"pursearch-e2e-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(prepared, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(prepared, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private string Key()
    {
        var assemblies = Directory.EnumerateFiles(repo.HostDirectory, "*.dll")
            .Where(path => Path.GetFileName(path).StartsWith("pursearch", StringComparison.OrdinalIgnoreCase))
            // The benchmarks take no part in preparing, and change often.
            .Where(path => !Path.GetFileName(path).Equals("Pursearch.Bench.dll", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join(' ', WorldSize)));
        // The shipped heads up --demo registers are part of what it prepares.
        var shippedHeads = Directory.EnumerateFiles(Path.Combine(repo.HostDirectory, "models", "forge-demo")).Order(StringComparer.Ordinal);
        foreach (var path in assemblies.Concat(shippedHeads))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path)));
            hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    // One prepared world is enough; older builds' worlds only take disk space.
    private void DeleteStale()
    {
        if (!Directory.Exists(repo.CacheDirectory))
            return;
        foreach (var dir in Directory.EnumerateDirectories(repo.CacheDirectory, "demo-*"))
            Directory.Delete(dir, recursive: true);
    }
}
