namespace Prow.Grains.Plugins;

/// <summary>
/// Who may use a command, as data. <see cref="Anyone"/> (no flag) means no restriction; otherwise the
/// commenter must be at least one of the flagged kinds of user. The framework checks this before the
/// plugin sees the command.
/// </summary>
[Flags]
public enum CommandUsers
{
    Anyone = 0,
    /// <summary>The author of the pull request or issue the comment is on.</summary>
    Author = 1,
    /// <summary>Members of the repository's organization.</summary>
    OrgMembers = 2,
    /// <summary>Collaborators of the repository.</summary>
    Collaborators = 4,
}
