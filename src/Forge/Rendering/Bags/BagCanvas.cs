using SkiaSharp;

namespace Pursearch.Forge.Rendering.Bags;

/// <summary>
/// The surface a bag is painted on. Every unclipped draw also adds the exact area it covers to
/// <see cref="Outline"/>, so the sidecar box comes from the same geometry that was painted. With no canvas it
/// only records the outline, which is how street plans size a bag before anything is rendered.
/// </summary>
public sealed class BagCanvas(SKCanvas? canvas) : IDisposable
{
    private int _clipDepth;

    private readonly SKPathBuilder _outline = new();

    /// <summary>Everything drawn outside clips so far, as one path (a snapshot; the caller disposes it).</summary>
    public SKPath Outline() => _outline.Snapshot();

    public void Draw(SKPath path, SKPaint paint)
    {
        canvas?.DrawPath(path, paint);
        if (_clipDepth > 0)
            return;
        using var covered = paint.GetFillPath(path);
        if (covered is not null)
            _outline.AddPath(covered, SKPathAddMode.Append);
    }

    public void DrawOval(SKRect oval, SKPaint paint)
    {
        using var path = Paths.Oval(oval);
        Draw(path, paint);
    }

    /// <summary>Paints inside the path only; draws inside the clip add nothing to the outline.</summary>
    public void Clipped(SKPath clip, Action<SKCanvas> paint)
    {
        if (canvas is null)
            return;
        canvas.Save();
        canvas.ClipPath(clip, SKClipOperation.Intersect, true);
        _clipDepth++;
        try
        {
            paint(canvas);
        }
        finally
        {
            _clipDepth--;
            canvas.Restore();
        }
    }

    public void Dispose() => _outline.Dispose();
}
