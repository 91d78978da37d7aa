namespace Pursearch.SearchNode.Search;

/// <summary>How queries run: the shard deadline, result counts, and how many photos are analysed at once.</summary>
public sealed record SearchSettings
{
    public const int DefaultK = 12;
    public const int MaxK = 100;

    /// <summary>A shard that has not answered by then is reported missing and the answer is partial.</summary>
    public TimeSpan ShardDeadline { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Shards are asked for this many times k when variants are collapsed, so k families remain.</summary>
    public int CollapseOverfetch { get; init; } = 4;

    /// <summary>Photos decoded and embedded at once; more wait, which bounds memory under load.</summary>
    public int MaxConcurrentAnalyses { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
