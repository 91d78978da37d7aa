using Pursearch.Host.Cli;

return await CliApp.RunAsync(args);
