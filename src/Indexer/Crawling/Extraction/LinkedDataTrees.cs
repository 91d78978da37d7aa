using System.Text.Json;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// The JSON-LD-shaped trees read from one page (its JSON-LD blocks, or its microdata items written as JSON), read in
/// place as <see cref="JsonElement"/>s; disposing returns the documents' pooled memory.
/// </summary>
public sealed class LinkedDataTrees : IDisposable
{
    private readonly List<JsonDocument> _documents;

    public LinkedDataTrees(List<JsonDocument> documents, int malformed)
    {
        _documents = documents;
        Malformed = malformed;
    }

    /// <summary>No trees: a page without this kind of markup (shared: disposing it does nothing).</summary>
    public static LinkedDataTrees None { get; } = new([], 0);

    /// <summary>How many blocks did not parse (and were skipped).</summary>
    public int Malformed { get; }

    public IEnumerable<JsonElement> Roots => _documents.Select(document => document.RootElement);

    // Leaves the list as it is: None is shared, and disposing a JsonDocument twice is harmless.
    public void Dispose()
    {
        foreach (var document in _documents)
            document.Dispose();
    }
}
