namespace Pursearch.Indexer.Training;

/// <summary>Progress of one stage of training or evaluation: how many of its items are done.</summary>
public sealed record TrainingProgress(string Stage, int Done, int Total)
{
    /// <summary>An item counter for one stage that reports to <paramref name="progress"/> (or nowhere).</summary>
    public static IProgress<int> Counter(IProgress<TrainingProgress>? progress, string stage, int total)
    {
        progress?.Report(new TrainingProgress(stage, 0, total));
        return new StageCounter(progress, stage, total);
    }

    private sealed class StageCounter(IProgress<TrainingProgress>? progress, string stage, int total) : IProgress<int>
    {
        public void Report(int value) => progress?.Report(new TrainingProgress(stage, value, total));
    }
}
