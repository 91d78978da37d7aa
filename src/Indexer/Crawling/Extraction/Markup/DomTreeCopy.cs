using AngleSharp.Dom;

namespace Pursearch.Indexer.Crawling.Extraction.Markup;

/// <summary>Copies an AngleSharp document into the markup tree the readers work on: elements and text, comments dropped.</summary>
internal static class DomTreeCopy
{
    public static MarkupElement Of(IDocument document)
    {
        var root = new MarkupElement(MarkupElement.DocumentName, []);
        // Explicit stack: malformed pages nest deep enough to overflow a recursive copy.
        var pending = new Stack<(INode Source, MarkupElement Parent)>();
        for (var node = document.LastChild; node is not null; node = node.PreviousSibling)
            pending.Push((node, root));
        while (pending.TryPop(out var next))
        {
            switch (next.Source)
            {
                case IText text:
                    next.Parent.Append(new MarkupText(text.Data));
                    break;
                case IElement element:
                    var copy = new MarkupElement(element.LocalName, element.Attributes.Select(a => KeyValuePair.Create(a.Name, a.Value)).ToArray());
                    next.Parent.Append(copy);
                    for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                        pending.Push((child, copy));
                    break;
            }
        }
        return root;
    }
}
