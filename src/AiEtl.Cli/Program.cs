using System.CommandLine;
using AiEtl.Cli;
using AiEtl.Cli.Commands;

// A command named aietl rather than a RootCommand, which takes its name from the assembly (AiEtl.Cli) for the help text.
var root = new Command("aietl", "aietl: validate and run AiEtl.Typed YAML pipelines. Exit codes: 0 success, 1 run failed, 2 configuration invalid, 64 usage error, 130 cancelled.")
{
    new System.CommandLine.Help.HelpOption(),
    new VersionOption(),
    ValidateCommand.Create(),
    RunCommand.Create(),
    SchemaCommand.Create(),
    ScanCommand.Create(),
    StateCommand.Create(),
    DlqCommand.Create(),
    InitCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // A usage error is not a failed run (1) nor an invalid pipeline (2): sysexits' EX_USAGE.
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine("aietl: " + error.Message);
    }

    Console.Error.WriteLine("Run 'aietl --help' for the commands and options.");
    return ExitCodes.Usage;
}

// The run command handles SIGINT and SIGTERM itself (Commands/Cancellation), to map a cancelled run to exit code 130.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
