using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pursearch.Forge.Sites.Markup;

/// <summary>Escaping for the shop pages: HTML text and attributes, and JSON for script blocks (no <c>&lt;/script&gt;</c> break-outs).</summary>
public static class Html
{
    private static readonly JsonWriterOptions ScriptSafe = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    /// <summary>Escapes the five markup characters only; everything else stays as written (UTF-8 pages).</summary>
    public static string Text(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    public static string Attribute(string value) => Text(value);

    /// <summary>Serialises a JSON document built by <paramref name="write"/>, safe inside a script element.</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ScriptSafe))
            write(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The common frame of every shop page: head with title and extra tags, a header nav, the body, a footer.</summary>
    public static string Page(string shopName, string title, string head, string body, SiteLinks links) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{Text(title)} | {Text(shopName)}</title>
        {head}
        </head>
        <body>
        <header><a href="{Attribute(links.Href("/"))}">{Text(shopName)}</a>
        <nav><a href="{Attribute(links.Href("/cart"))}">Bag</a> <a href="{Attribute(links.Href("/account/login"))}">Sign in</a>
        <a href="{Attribute(links.Href("/account/help"))}">Help</a></nav></header>
        {body}
        <footer>&copy; {Text(shopName)}</footer>
        </body>
        </html>
        """;
}
