using System.Text.Json;
using Pursearch.Core;
using Pursearch.Core.Catalog;

namespace Pursearch.Indexer.CatalogImport;

/// <summary>One product line of a Forge catalog: the product (without image hash) and the absolute path of its shot.</summary>
public sealed record ForgeCatalogEntry(int Line, Product Product, string ImagePath);

/// <summary>
/// Reads <c>catalog.jsonl</c> of a Forge output dir (one product per line, the Forge contract's fields; unknown fields
/// such as <c>trueClass</c> are ignored). A line that is not a valid product raises <see cref="CatalogImportException"/>
/// naming the line; image paths must stay inside the dir.
/// </summary>
public sealed class ForgeCatalogReader(string forgeDirectory)
{
    public const string CatalogFileName = "catalog.jsonl";

    public string Directory { get; } = Path.GetFullPath(forgeDirectory);

    public string CatalogPath => Path.Combine(Directory, CatalogFileName);

    /// <summary>Checks that the dir and its catalog exist.</summary>
    public ForgeCatalogReader RequireCatalog()
    {
        if (!System.IO.Directory.Exists(Directory))
            throw new CatalogImportException($"forge output dir {Directory} does not exist");
        if (!File.Exists(CatalogPath))
            throw new CatalogImportException($"{Directory} has no {CatalogFileName}: is it a `pursearch forge generate` output dir?");
        return this;
    }

    public async Task<int> CountAsync(CancellationToken cancel)
    {
        var count = 0;
        await foreach (var line in File.ReadLinesAsync(CatalogPath, cancel))
            if (!string.IsNullOrWhiteSpace(line))
                count++;
        return count;
    }

    public async IAsyncEnumerable<ForgeCatalogEntry> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(CatalogPath, cancel))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
                yield return Parse(line, number);
        }
    }

    private ForgeCatalogEntry Parse(string text, int number)
    {
        try
        {
            var line = JsonSerializer.Deserialize(text, ForgeCatalogJson.Default.ForgeCatalogLine)
                ?? throw new JsonException("null is not a product object");
            return new ForgeCatalogEntry(number, line.ToProduct(), ImagePath(line.Image));
        }
        catch (Exception e) when (e is JsonException or DomainException)
        {
            throw new CatalogImportException($"{CatalogPath} line {number}: {e.Message.Split('\n', 2)[0]}", number);
        }
    }

    private string ImagePath(string? relative)
    {
        var path = Path.GetFullPath(Path.Combine(Directory, Guard.NotBlank(relative, "image")));
        return path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new DomainException("image", $"'{relative}' points outside the forge dir");
    }
}
