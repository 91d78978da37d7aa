using System.Diagnostics;

namespace Pursearch.Bench.Index;

/// <summary>
/// Queries per second of contenders that answer the same queries. Other work shares this machine, so each
/// query is run by every contender in turn (the order rotating), several passes over, and each contender is
/// credited with its fastest run of every query: a burst of outside load must then hit the same query in
/// every pass to count, and it hits the contenders alike.
/// </summary>
internal static class Throughput
{
    public static double[] BestQps(int passes, int queries, params Action<int>[] contenders)
    {
        var fastest = new double[contenders.Length, queries];
        for (var c = 0; c < contenders.Length; c++)
            for (var q = 0; q < queries; q++)
                fastest[c, q] = double.MaxValue;
        foreach (var contender in contenders)
            for (var q = 0; q < queries; q++)
                contender(q);
        var clock = new Stopwatch();
        for (var pass = 0; pass < passes; pass++)
            for (var q = 0; q < queries; q++)
                for (var turn = 0; turn < contenders.Length; turn++)
                {
                    var c = (turn + q + pass) % contenders.Length;
                    clock.Restart();
                    contenders[c](q);
                    fastest[c, q] = Math.Min(fastest[c, q], clock.Elapsed.TotalSeconds);
                }
        var qps = new double[contenders.Length];
        for (var c = 0; c < contenders.Length; c++)
        {
            double total = 0;
            for (var q = 0; q < queries; q++)
                total += fastest[c, q];
            qps[c] = queries / total;
        }
        return qps;
    }

    public static double PerSecond(int count, Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return count / clock.Elapsed.TotalSeconds;
    }
}
