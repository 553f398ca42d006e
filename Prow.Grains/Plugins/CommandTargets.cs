namespace Prow.Grains.Plugins;

/// <summary>Where a command is understood: comments on pull requests, on issues, or both.</summary>
[Flags]
public enum CommandTargets
{
    PullRequests = 1,
    Issues = 2,
    Both = PullRequests | Issues,
}
