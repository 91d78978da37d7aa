using AngleSharp.Dom;

namespace Pursearch.Indexer.Crawling.Extraction.Markup;

/// <summary>Copies an AngleSharp document into the markup tree the readers work on: elements and text, comments dropped.</summary>
internal static class DomTreeCopy
{
    public static MarkupElement Of(IDocument document)
    {
        var root = new MarkupElement(MarkupElement.DocumentName, []);
        // Explicit stack: malformed pages nest deep enough to overflow a recursive copy.
        var pending = new Stack<(INode Source, MarkupElement Copy)>();
        pending.Push((document, root));
        var children = new List<MarkupNode>();
        while (pending.TryPop(out var next))
        {
            children.Clear();
            for (var node = next.Source.FirstChild; node is not null; node = node.NextSibling)
            {
                switch (node)
                {
                    case IText text:
                        children.Add(new MarkupText(text.Data));
                        break;
                    case IElement element:
                        var copy = new MarkupElement(element.LocalName, element.Attributes.Select(a => KeyValuePair.Create(a.Name, a.Value)).ToArray());
                        children.Add(copy);
                        pending.Push((element, copy));
                        break;
                }
            }
            next.Copy.SetChildren([.. children]);
        }
        return root;
    }
}
