using AngleSharp;
using AngleSharp.Dom;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>
/// A fetched HTML page parsed by AngleSharp, with the charset of its Content-Type (or its meta/BOM) and its URL as the
/// document address, so <c>&lt;base href&gt;</c> and relative links resolve as a browser would. Scripts never run.
/// </summary>
public sealed class HtmlPage : IDisposable
{
    private static readonly IConfiguration Configuration = AngleSharp.Configuration.Default;

    private readonly IBrowsingContext _context;

    private HtmlPage(IBrowsingContext context, IDocument document)
    {
        _context = context;
        Document = document;
    }

    public IDocument Document { get; }

    /// <summary>The URL relative references resolve against: the page URL, or its <c>&lt;base href&gt;</c>.</summary>
    public Uri BaseUri => Uri.TryCreate(Document.BaseUri, UriKind.Absolute, out var uri) ? uri : new Uri(Document.Url);

    public static async Task<HtmlPage> LoadAsync(byte[] body, string? contentType, Uri url, CancellationToken cancellationToken)
    {
        var context = BrowsingContext.New(Configuration);
        try
        {
            var document = await context.OpenAsync(response =>
            {
                response.Content(new MemoryStream(body, writable: false), shouldDispose: true).Address(url.AbsoluteUri);
                if (contentType is not null)
                    response.Header("Content-Type", contentType);
            }, cancellationToken);
            return new HtmlPage(context, document);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Document.Dispose();
        _context.Dispose();
    }
}
