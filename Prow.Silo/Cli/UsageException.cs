namespace Prow.Silo.Cli;

/// <summary>A bad command line: the message says which flag or argument and why. Exit code 2.</summary>
public class UsageException(string message) : Exception(message);
