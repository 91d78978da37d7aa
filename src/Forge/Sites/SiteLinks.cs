namespace Pursearch.Forge.Sites;

/// <summary>Writes a shop's links in its <see cref="LinkStyle"/>, and absolute URLs where markup needs them.</summary>
public sealed class SiteLinks(Uri baseUri, LinkStyle style)
{
    public Uri BaseUri { get; } = baseUri;

    /// <summary>The absolute URL of a root-relative path.</summary>
    public string Absolute(string path) => new Uri(BaseUri, path).AbsoluteUri;

    /// <summary>A link to <paramref name="path"/> as the shop writes it on a page one directory below the root.</summary>
    public string Href(string path) => style switch
    {
        LinkStyle.Absolute => Absolute(path),
        LinkStyle.PathRelative => ".." + path,
        _ => path,
    };
}
