using Prow.Silo.Cli;

// prow                 the all-in-one host (silo + gateway endpoints)
// prow checkconfig …   validate configuration and exit
// prow mkpj …          make a ProwJob for a configured job (print it, or submit it with --trigger-job)
return args switch
{
    ["checkconfig", .. var rest] => CheckConfigCommand.Run(rest, Console.Out, Console.Error),
    ["mkpj", .. var rest] => await MkpjCommand.RunAsync(rest, Console.Out, Console.Error),
    _ => await ServeCommand.RunAsync(args, Console.Out, Console.Error),
};
