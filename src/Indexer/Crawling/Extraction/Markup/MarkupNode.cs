using System.Text;

namespace Pursearch.Indexer.Crawling.Extraction.Markup;

/// <summary>A node of a parsed page as the readers see it: an element or a run of text (comments are dropped).</summary>
public abstract class MarkupNode
{
    public MarkupElement? Parent { get; internal set; }
}

/// <summary>A run of character data, character references decoded.</summary>
public sealed class MarkupText(string data) : MarkupNode
{
    public string Data { get; } = data;
}

/// <summary>An element: lower-case local name for HTML, attributes in source order (the first of duplicates), child nodes.</summary>
public sealed class MarkupElement(string localName, KeyValuePair<string, string>[] attributes) : MarkupNode
{
    /// <summary>The name of the element that roots every tree: the document itself.</summary>
    public const string DocumentName = "#document";

    private MarkupNode[] _nodes = [];

    public string LocalName { get; } = localName;

    public ReadOnlySpan<KeyValuePair<string, string>> Attributes => attributes;

    public IReadOnlyList<MarkupNode> ChildNodes => _nodes;

    /// <summary>The child elements, in document order.</summary>
    public IEnumerable<MarkupElement> Children => ChildNodes.OfType<MarkupElement>();

    public string? GetAttribute(string name)
    {
        foreach (var attribute in attributes)
            if (attribute.Key == name)
                return attribute.Value;
        return null;
    }

    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    /// <summary>The text of every descendant text node in document order, as the DOM's <c>textContent</c>.</summary>
    public string TextContent
    {
        get
        {
            if (_nodes is [MarkupText only])
                return only.Data;
            var text = new StringBuilder();
            // Explicit stack: malformed pages nest deep enough to overflow a recursive walk.
            var pending = new Stack<MarkupNode>();
            pending.Push(this);
            while (pending.TryPop(out var node))
            {
                if (node is MarkupText run)
                    text.Append(run.Data);
                else if (node is MarkupElement { _nodes: var nodes })
                    for (var i = nodes.Length - 1; i >= 0; i--)
                        pending.Push(nodes[i]);
            }
            return text.ToString();
        }
    }

    /// <summary>Sets the child nodes once, when the builder knows them all: an exact array, not a list grown node by node.</summary>
    internal void SetChildren(MarkupNode[] nodes)
    {
        foreach (var node in nodes)
            node.Parent = this;
        _nodes = nodes;
    }
}
