using System.Diagnostics;
using System.Net;
using Pursearch.Forge.Tests.Cli;

namespace Pursearch.Forge.Tests.Sites;

public sealed class ForgeServeCommandTests
{
    [Theory]
    [InlineData("--faults", "5xx,fire")]
    [InlineData("--port", "70000")]
    [InlineData("--crawl-delay", "-1")]
    [InlineData("--host", "not-an-address")]
    public void Bad_serve_options_print_one_line_and_exit_2(string option, string value)
    {
        var result = HostProcess.Run("forge", "serve", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"pursearch: {option}", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Serve_prints_one_url_per_shop_answers_there_and_stops_on_sigterm()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { BuiltHost(), "forge", "serve", "--port", "0", "--products", "12", "--crawl-delay", "0.25" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            var urls = new List<Uri>();
            while (urls.Count < 4 && await process.StandardOutput.ReadLineAsync() is { } line)
                if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var url, ..] && url.StartsWith("http://", StringComparison.Ordinal))
                    urls.Add(new Uri(url));
            Assert.Equal(4, urls.Count);
            using var http = new HttpClient();
            foreach (var url in urls)
                Assert.Contains("Crawl-delay: 0.25", await http.GetStringAsync(new Uri(url, "/robots.txt")));

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(deadline.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("stopped after 4 requests", await process.StandardError.ReadToEndAsync());
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(urls[0], "/robots.txt")));
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The built host, found as <see cref="HostProcess"/> finds it (src/Host/bin/{configuration}/net10.0).</summary>
    private static string BuiltHost()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Pursearch.sln")))
            root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? "", "src", "Host", "bin", here.Parent!.Name, "net10.0", "pursearch.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the host first (./test.sh does)", dll);
    }
}
