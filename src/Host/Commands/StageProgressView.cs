using Pursearch.Forge;
using Pursearch.Indexer.Training;
using Spectre.Console;

namespace Pursearch.Host.Commands;

/// <summary>Progress bars on stderr (stdout stays clean for <c>--json</c>), one per stage of a long run, added as stages
/// start reporting.</summary>
public sealed class StageProgressView
{
    private readonly IAnsiConsole _console =
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });

    public Task RunAsync(Func<IProgress<TrainingProgress>, Task> work) =>
        _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new Reporter(p =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                            tasks[p.Stage] = task = context.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                        task.Value = p.Total == 0 ? 1 : p.Done;
                    }
                });
                return work(progress);
            });

    /// <summary>Forge generation progress in the same view.</summary>
    public static IProgress<ForgeProgress> ForForge(IProgress<TrainingProgress> progress, string prefix) =>
        new ForgeReporter(p => progress.Report(new TrainingProgress($"{prefix}: {p.Stage}", p.Done, p.Total)));

    // Reports on the calling thread: Progress<T> would post out of order to the thread pool.
    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }

    private sealed class ForgeReporter(Action<ForgeProgress> report) : IProgress<ForgeProgress>
    {
        public void Report(ForgeProgress value) => report(value);
    }
}
