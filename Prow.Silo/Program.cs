using Prow.Silo.Cli;

// prow                 the all-in-one host (silo + gateway endpoints)
// prow checkconfig …   validate configuration and exit
return args is ["checkconfig", .. var rest]
    ? CheckConfigCommand.Run(rest, Console.Out, Console.Error)
    : await ServeCommand.RunAsync(args, Console.Out, Console.Error);
