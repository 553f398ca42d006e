using Prow.Grains.Ports;

namespace Prow.Grains.Plugins;

/// <summary>Checks and describes <see cref="CommandUsers"/>.</summary>
public static class CommandAudience
{
    /// <summary>Whether <paramref name="comment"/>'s author may use a command restricted to <paramref name="who"/>.</summary>
    public static async Task<bool> AllowsAsync(CommandUsers who, GenericCommentEvent comment, string org, string repo, IGitHub gitHub, CancellationToken cancellationToken)
    {
        if (who == CommandUsers.Anyone) return true;
        var login = comment.User.Login;
        if (who.HasFlag(CommandUsers.Author) && string.Equals(login, comment.IssueAuthor.Login, StringComparison.OrdinalIgnoreCase))
            return true;
        if (who.HasFlag(CommandUsers.OrgMembers) && await gitHub.IsMemberAsync(org, login, cancellationToken))
            return true;
        return who.HasFlag(CommandUsers.Collaborators) && await gitHub.IsCollaboratorAsync(org, repo, login, cancellationToken);
    }

    /// <summary>E.g. "the author, members of the org or collaborators of org/repo" (generic words when org/repo are null).</summary>
    public static string Describe(CommandUsers who, string? org, string? repo)
    {
        var parts = new List<string>();
        if (who.HasFlag(CommandUsers.Author)) parts.Add("the author");
        if (who.HasFlag(CommandUsers.OrgMembers)) parts.Add(org is null ? "members of the organization" : $"members of the {org} organization");
        if (who.HasFlag(CommandUsers.Collaborators)) parts.Add(org is null ? "collaborators of the repository" : $"collaborators of {org}/{repo}");
        return parts.Count switch
        {
            0 => "anyone",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " or " + parts[^1],
        };
    }
}
