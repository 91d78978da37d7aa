namespace Pursearch.E2E.Harness;

/// <summary>Where the repository and the Host build output are, found from this test assembly's own path
/// (<c>tests/E2E/bin/{Configuration}/net10.0/</c>), so the tests run the build of their own configuration.</summary>
public sealed class RepositoryLayout
{
    private RepositoryLayout(string root, string configuration)
    {
        Root = root;
        Configuration = configuration;
    }

    public string Root { get; }
    public string Configuration { get; }
    public string HostDirectory => Path.Combine(Root, "src", "Host", "bin", Configuration, "net10.0");
    public string HostAssembly => Path.Combine(HostDirectory, "pursearch.dll");
    /// <summary>Cached prepared data dirs: git-ignored, kept between runs.</summary>
    public string CacheDirectory => Path.Combine(Root, ".build", "e2e");
    public string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");
    public string ReadmeScreenshot => Path.Combine(Root, "docs", "results.png");

    public static RepositoryLayout FromTestAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent?.Name
            ?? throw new InvalidOperationException($"cannot tell the build configuration from {output.FullName}");
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pursearch.sln")))
                return new RepositoryLayout(dir.FullName, configuration).RequireHost();
        }
        throw new InvalidOperationException($"no Pursearch.sln above {output.FullName}");
    }

    private RepositoryLayout RequireHost() => File.Exists(HostAssembly)
        ? this
        : throw new InvalidOperationException(
            $"the Host is not built at {HostAssembly}: run `dotnet build tests/E2E -c {Configuration}` (it builds the Host first)");
}
