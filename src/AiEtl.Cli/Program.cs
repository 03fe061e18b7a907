using System.CommandLine;
using AiEtl.Cli.Commands;

var root = new RootCommand("aietl: validate and run AiEtl.Typed YAML pipelines. Exit codes: 0 success, 1 run failed, 2 configuration invalid, 130 cancelled.")
{
    ValidateCommand.Create(),
    RunCommand.Create(),
    SchemaCommand.Create(),
    StateCommand.Create(),
    InitCommand.Create(),
};

// The run command handles SIGINT and SIGTERM itself (Commands/Cancellation), to map a cancelled run to exit code 130.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
