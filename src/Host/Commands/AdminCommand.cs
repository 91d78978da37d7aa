using System.CommandLine;
using System.Text.Json;
using Pursearch.Host.Admin;
using Pursearch.Host.Cli;

namespace Pursearch.Host.Commands;

/// <summary><c>pursearch admin status|ingest|train|reindex|operation</c>: operator commands acting on a running node
/// through its admin API (<c>--url</c>, or found from <c>--data</c>), authenticated by its admin token.</summary>
public static class AdminCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var admin = new Command("admin", "Operate a running node through its admin API.");
        admin.Subcommands.Add(Status());
        admin.Subcommands.Add(Start("ingest", "Import a Forge catalog, embed new images and index them.",
            new Option<string?>("--forge") { Description = "Forge folder (default {data}/forge)." }, "forge"));
        admin.Subcommands.Add(Start("train", "Train the heads and register a model version.",
            new Option<string?>("--set") { Description = "Labelled set (default {data}/forge)." }, "set"));
        admin.Subcommands.Add(Start("reindex", "Build a new index generation and make it live.",
            new Option<int?>("--shards") { Description = "Shards of the new generation (default: as the live one)." }, "shards"));
        admin.Subcommands.Add(Operation());
        return admin;
    }

    private static Command Status()
    {
        var (url, data, token) = NodeOptions();
        var command = new Command("status", "Store overview, live generation and model, shard sizes, recent operations.") { url, data, token };
        command.SetAction(async (parse, cancel) =>
        {
            using var client = Client(parse.GetValue(url), parse.GetValue(data)!, parse.GetValue(token));
            Console.Out.WriteLine(JsonSerializer.Serialize(await client.StatusAsync(cancel), Indented));
            return 0;
        });
        return command;
    }

    private static Command Start<T>(string name, string description, Option<T> argument, string field)
    {
        var (url, data, token) = NodeOptions();
        var wait = new Option<bool>("--wait") { Description = "Wait for the operation to end, showing its progress." };
        var command = new Command(name, description) { url, data, token, argument, wait };
        command.SetAction(async (parse, cancel) =>
        {
            using var client = Client(parse.GetValue(url), parse.GetValue(data)!, parse.GetValue(token));
            var value = parse.GetValue(argument);
            var arguments = value is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { [field] = value };
            var started = await client.StartAsync(name, arguments, cancel);
            var id = started.GetProperty("id").GetString()!;
            if (!parse.GetValue(wait))
            {
                Console.Out.WriteLine($"{name}: started {id}; follow it with 'pursearch admin operation {id}'");
                return 0;
            }
            var finished = await client.WaitAsync(id, status => Console.Error.WriteLine(Line(status)), cancel);
            Console.Out.WriteLine(Line(finished));
            return finished.GetProperty("state").GetString() == "succeeded" ? 0 : CliApp.Failure;
        });
        return command;
    }

    private static Command Operation()
    {
        var (url, data, token) = NodeOptions();
        var id = new Argument<string>("ID") { Description = "Operation id, e.g. op-1." };
        var command = new Command("operation", "Show one operation's state and progress.") { id, url, data, token };
        command.SetAction(async (parse, cancel) =>
        {
            using var client = Client(parse.GetValue(url), parse.GetValue(data)!, parse.GetValue(token));
            Console.Out.WriteLine(JsonSerializer.Serialize(await client.OperationAsync(parse.GetValue(id)!, cancel), Indented));
            return 0;
        });
        return command;
    }

    private static (Option<string?> Url, Option<string> Data, Option<string?> Token) NodeOptions() =>
    (
        new Option<string?>("--url") { Description = "The node's URL (default: the node serving --data, from its node.json)." },
        DataDirectory.Option(),
        new Option<string?>("--token") { Description = $"Admin token (default: ${NodeAddress.TokenVariable}, or {{data}}/admin.token)." }
    );

    private static AdminClient Client(string? url, string data, string? token) =>
        new(NodeAddress.Find(url, new DataDirectory(data).Root, token)
            ?? throw new CliException($"no node runs on {new DataDirectory(data).Root}: start one with 'pursearch up', or pass --url"));

    private static string Line(JsonElement s) =>
        $"{s.GetProperty("id").GetString()} {s.GetProperty("name").GetString()}: {s.GetProperty("state").GetString()}" +
        (s.GetProperty("stage").GetString() is { } stage ? $" · {stage} {s.GetProperty("percent").GetDouble():0}%" : "") +
        (s.GetProperty("result").GetString() is { } result ? $" · {result}" : "") +
        (s.GetProperty("error").GetString() is { } error ? $" · error: {error}" : "");
}
