using Pursearch.Vision.Imaging;

namespace Pursearch.Vision.Heads;

/// <summary>Turns a heat map into one box: threshold, largest 8-connected component, margin.</summary>
public static class HeatMapBoxer
{
    public static CropDetection Find(HeatMap heat, BoxRule rule)
    {
        var component = LargestComponent(heat, rule.Threshold);
        if (component.Count < rule.MinimumCells)
            return new CropDetection(null, heat.Values.Max());
        int minX = heat.Width, minY = heat.Height, maxX = -1, maxY = -1;
        var peak = 0f;
        foreach (var cell in component)
        {
            var (x, y) = (cell % heat.Width, cell / heat.Width);
            (minX, maxX) = (Math.Min(minX, x), Math.Max(maxX, x));
            (minY, maxY) = (Math.Min(minY, y), Math.Max(maxY, y));
            peak = Math.Max(peak, heat.Values[cell]);
        }
        var box = NormalizedBox.FromCorners((double)minX / heat.Width, (double)minY / heat.Height,
            (double)(maxX + 1) / heat.Width, (double)(maxY + 1) / heat.Height);
        return new CropDetection(box.Expand(rule.Margin), peak);
    }

    // Largest by cell count; ties go to the component with the larger total score.
    private static List<int> LargestComponent(HeatMap heat, double threshold)
    {
        var seen = new bool[heat.Values.Length];
        var best = new List<int>();
        var bestMass = 0.0;
        for (var start = 0; start < heat.Values.Length; start++)
        {
            if (seen[start] || heat.Values[start] < threshold)
                continue;
            var component = Flood(heat, threshold, start, seen);
            var mass = component.Sum(c => (double)heat.Values[c]);
            if (component.Count > best.Count || (component.Count == best.Count && mass > bestMass))
                (best, bestMass) = (component, mass);
        }
        return best;
    }

    private static List<int> Flood(HeatMap heat, double threshold, int start, bool[] seen)
    {
        var component = new List<int>();
        var pending = new Stack<int>();
        pending.Push(start);
        seen[start] = true;
        while (pending.TryPop(out var cell))
        {
            component.Add(cell);
            var (x, y) = (cell % heat.Width, cell / heat.Width);
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    var (nx, ny) = (x + dx, y + dy);
                    if (nx < 0 || ny < 0 || nx >= heat.Width || ny >= heat.Height)
                        continue;
                    var next = ny * heat.Width + nx;
                    if (seen[next] || heat.Values[next] < threshold)
                        continue;
                    seen[next] = true;
                    pending.Push(next);
                }
            }
        }
        return component;
    }
}
