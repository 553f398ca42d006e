namespace Prow.Silo.Cli;

/// <summary>-h or --help was given: print usage and exit 0.</summary>
public sealed class HelpRequestedException() : UsageException("help requested");
