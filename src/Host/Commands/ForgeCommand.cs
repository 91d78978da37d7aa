using System.CommandLine;
using System.Globalization;
using Pursearch.Forge;
using Pursearch.Forge.Rendering;
using Pursearch.Host.Cli;
using Spectre.Console;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch forge ...</c>: the synthetic handbag world (generate labelled sets and catalogs, draw the contact sheet).</summary>
public static class ForgeCommand
{
    public static Command Create()
    {
        var forge = new Command("forge", "The synthetic handbag world: catalogs, product shots and labelled street photos.");
        forge.Subcommands.Add(Generate());
        forge.Subcommands.Add(Sheet());
        forge.Subcommands.Add(ForgeServeCommand.Create());
        return forge;
    }

    private static Command Generate()
    {
        var defaults = new ForgeOptions();
        var dir = new Argument<string>("DIR") { Description = "Folder to write into (created if missing)." };
        var seed = SeedOption();
        var products = Count("--products", "Catalog products (each with a studio shot).", defaults.Products);
        var street = Count("--street", "Held-out street photos (never used for training).", defaults.Street);
        var train = Count("--train-street", "Training street photos.", defaults.TrainStreet);
        var negatives = Count("--negatives", "Scenes without a handbag, split between train and held-out.", defaults.Negatives);
        var command = new Command("generate", "Write forge.json, catalog.jsonl, product shots and labelled street photos to DIR.")
        {
            dir, seed, products, street, train, negatives,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var folder = parse.GetValue(dir)!;
            if (File.Exists(folder))
                throw new CliException($"'{folder}' is a file, not a folder", CliApp.UsageError);
            var options = new ForgeOptions
            {
                Seed = parse.GetValue(seed), Products = parse.GetValue(products), Street = parse.GetValue(street),
                TrainStreet = parse.GetValue(train), Negatives = parse.GetValue(negatives),
            };
            var summary = await RunWithProgressAsync(folder, options, cancel);
            Console.Out.WriteLine(
                $"forge: wrote {summary.Images} images ({summary.Products} product shots, {summary.HeldOutStreet} held-out " +
                $"and {summary.TrainStreet} train street photos, {summary.HeldOutNegatives + summary.TrainNegatives} negatives) " +
                $"to {folder} in {summary.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return command;
    }

    private static Command Sheet()
    {
        var output = new Argument<string>("OUT.png") { Description = "Where to write the PNG contact sheet." };
        var seed = SeedOption();
        var command = new Command("sheet", "Draw the contact sheet (product shots, street photos with boxes, negatives) as a PNG.")
        {
            output, seed,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var path = parse.GetValue(output)!;
            var parent = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Directory.Exists(parent))
                throw new CliException($"folder '{parent}' does not exist", CliApp.UsageError);
            await File.WriteAllBytesAsync(path, ContactSheet.RenderPng(parse.GetValue(seed)), cancel);
            Console.Out.WriteLine($"forge: wrote {path}");
            return 0;
        });
        return command;
    }

    private static async Task<ForgeSummary> RunWithProgressAsync(string folder, ForgeOptions options, CancellationToken cancel)
    {
        ForgeSummary? summary = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress(p =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                            tasks[p.Stage] = task = context.AddTask(p.Stage, maxValue: p.Total);
                        task.Value = p.Done;
                    }
                });
                summary = await ForgeGenerator.GenerateAsync(folder, options, progress, cancel);
            });
        return summary!;
    }

    internal static Option<int> SeedOption() => new("--seed")
    {
        Description = "World seed: changes products, colours and scenes, never the classes.",
        DefaultValueFactory = _ => new ForgeOptions().Seed,
    };

    internal static Option<int> Count(string name, string description, int defaultValue) => new(name)
    {
        Description = $"{description} Default {defaultValue}.",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                return count;
            result.AddError($"{name} must be a whole number of at least 0, not '{token}'");
            return 0;
        },
    };

    /// <summary>Reports on the calling thread: <see cref="Progress{T}"/> would post out of order to the thread pool.</summary>
    private sealed class SynchronousProgress(Action<ForgeProgress> report) : IProgress<ForgeProgress>
    {
        public void Report(ForgeProgress value) => report(value);
    }
}
