using System.Text.RegularExpressions;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage;

/// <summary>Which kind of store a URI names.</summary>
public enum StoreKind
{
    Sqlite,
    MongoDb,
}

/// <summary>
/// A parsed store URI (DESIGN §5): <c>sqlite:PATH</c> (relative paths from the working directory; <c>{data}</c> stands
/// for the data dir) or <c>mongodb://...</c> / <c>mongodb+srv://...</c>. Default: <c>sqlite:{data}/catalog.db</c>.
/// </summary>
public sealed partial record StoreUri
{
    public StoreKind Kind { get; }

    /// <summary>The absolute database path for SQLite; the connection string for MongoDB.</summary>
    public string Target { get; }

    private StoreUri(StoreKind kind, string target)
    {
        Kind = kind;
        Target = target;
    }

    public static StoreUri Default(string dataDirectory) =>
        new(StoreKind.Sqlite, Path.GetFullPath(Path.Combine(dataDirectory, "catalog.db")));

    /// <summary>Parses <paramref name="text"/>; null or blank gives the default for <paramref name="dataDirectory"/>.</summary>
    public static StoreUri Parse(string? text, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Default(dataDirectory);
        var uri = text.Trim();
        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
            return Sqlite(uri["sqlite:".Length..], dataDirectory, uri);
        if (uri.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) ||
            uri.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
            return new StoreUri(StoreKind.MongoDb, uri);
        throw new StoreUriException($"unsupported store URI '{Redact(uri)}': use sqlite:PATH or mongodb://HOST/DATABASE");
    }

    private static StoreUri Sqlite(string path, string dataDirectory, string uri)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new StoreUriException($"store URI '{uri}' names no file: use sqlite:PATH");
        var expanded = path.Trim().Replace("{data}", dataDirectory, StringComparison.Ordinal);
        if (expanded.EndsWith('/') || Directory.Exists(expanded))
            throw new StoreUriException($"store URI '{uri}' names a directory, not a database file");
        return new StoreUri(StoreKind.Sqlite, Path.GetFullPath(expanded));
    }

    /// <summary>The URI with any password hidden, fit for messages and logs.</summary>
    public override string ToString() => Kind == StoreKind.Sqlite ? $"sqlite:{Target}" : Redact(Target);

    private static string Redact(string uri) => Credentials().Replace(uri, "://***@");

    [GeneratedRegex("://[^@/]*@")]
    private static partial Regex Credentials();
}
