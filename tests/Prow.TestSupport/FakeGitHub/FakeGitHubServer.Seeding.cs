using System.Security.Cryptography;
using System.Text;

namespace Prow.TestSupport.FakeGitHub;

// The seeding API and the model lookups the routes use.
public sealed partial class FakeGitHubServer
{
    private readonly Dictionary<string, FakeOrg> _orgs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeRepo> _repos = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _userIds = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 1000;

    /// <summary>The login GET /user answers (the token's account).</summary>
    public string BotLogin { get; set; } = "prow-bot";

    /// <summary>The GitHub App (GET /app); installation endpoints need a Bearer JWT, verified against <see cref="AppPublicKey"/> when set.</summary>
    public (long Id, string Slug) App { get; set; } = (1, "prow-app");

    public RSA? AppPublicKey { get; set; }

    /// <summary>How long minted installation tokens live (expires_at).</summary>
    public TimeSpan InstallationTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public FakeRepo AddRepo(string org, string repo, string defaultBranch = "main") => Locked(() =>
    {
        var owner = OrgOf(org);
        var key = $"{org}/{repo}";
        if (_repos.TryGetValue(key, out var existing)) return existing;
        var created = new FakeRepo { Org = owner.Login, Name = repo, Id = NextId(), DefaultBranch = defaultBranch };
        created.Refs[$"heads/{defaultBranch}"] = Sha($"{key}@{defaultBranch}");
        _repos[key] = created;
        return created;
    });

    public FakeIssue AddPullRequest(string org, string repo, int number, string author = "author", string title = "A change",
        string? headSha = null, string baseRef = "main", IEnumerable<string>? labels = null) =>
        AddIssueOrPull(org, repo, number, author, title, labels, pr: true, headSha, baseRef);

    public FakeIssue AddIssue(string org, string repo, int number, string author = "author", string title = "An issue", IEnumerable<string>? labels = null) =>
        AddIssueOrPull(org, repo, number, author, title, labels, pr: false, headSha: null, baseRef: null);

    public FakeLabel AddLabel(string org, string repo, string name, string color = "ededed", string? description = null) => Locked(() =>
    {
        var label = EnsureLabel(RepoOf(org, repo), name);
        label.Color = color;
        label.Description = description;
        return label;
    });

    public void AddMember(string org, string login) => Locked(() => OrgOf(org).Members.Add(login));

    public void AddCollaborator(string org, string repo, string login) => Locked(() => RepoOf(org, repo).Collaborators.Add(login));

    public FakeTeam AddTeam(string org, string slug, string? name = null, params string[] members) => Locked(() =>
    {
        var team = new FakeTeam { Id = NextId(), Slug = slug, Name = name ?? slug };
        team.Members.AddRange(members);
        OrgOf(org).Teams[slug] = team;
        return team;
    });

    /// <summary>A file's content at <paramref name="gitRef"/> (a branch or SHA; the default branch when null).</summary>
    public void SetFile(string org, string repo, string path, string content, string? gitRef = null) =>
        SetFile(org, repo, path, Encoding.UTF8.GetBytes(content), gitRef);

    public void SetFile(string org, string repo, string path, byte[] content, string? gitRef = null) => Change(() =>
    {
        var r = RepoOf(org, repo);
        r.Files[(gitRef ?? r.DefaultBranch, path.TrimStart('/'))] = content;
    });

    /// <summary>Points a ref such as <c>heads/main</c> or <c>tags/v1</c> at <paramref name="sha"/>.</summary>
    public void SetRef(string org, string repo, string gitRef, string sha) => Locked(() => RepoOf(org, repo).Refs[gitRef] = sha);

    public FakeComment AddComment(string org, string repo, int number, string author, string body) => Locked(() =>
    {
        var comment = new FakeComment { Id = NextId(), IssueNumber = number, Author = author, Body = body, CreatedAt = Now, UpdatedAt = Now };
        RepoOf(org, repo).Comments.Add(comment);
        return comment;
    });

    /// <summary>A review; <paramref name="state"/> as GitHub spells it: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED.</summary>
    public FakeReview AddReview(string org, string repo, int number, string author, string state, string body = "") => Locked(() =>
    {
        var review = new FakeReview { Id = NextId(), Author = author, State = state, Body = body, SubmittedAt = Now };
        IssueOf(org, repo, number).Reviews.Add(review);
        return review;
    });

    public void AddPullRequestFiles(string org, string repo, int number, params FakePullFile[] files) =>
        Change(() => IssueOf(org, repo, number).Files.AddRange(files));

    public FakeStatus AddStatus(string org, string repo, string sha, string context, string state, string? description = null, string? targetUrl = null) =>
        Locked(() => AddStatusLocked(RepoOf(org, repo), sha, context, state, description, targetUrl, "ci-bot"));

    public FakeCheckRun AddCheckRun(string org, string repo, string sha, string name, string status = "completed", string? conclusion = "success") => Locked(() =>
    {
        var run = new FakeCheckRun { Id = NextId(), HeadSha = sha, Name = name, Status = status, Conclusion = conclusion };
        RepoOf(org, repo).CheckRuns.Add(run);
        return run;
    });

    /// <summary>Installs the App on an org (or, with <paramref name="isUser"/>, a user account).</summary>
    public void AddInstallation(string org, long installationId, bool isUser = false) => Change(() =>
    {
        var o = OrgOf(org);
        o.InstallationId = installationId;
        o.IsUser = isUser;
    });

    public FakeRepo Repo(string org, string repo) => Locked(() => RepoOf(org, repo));

    public FakeIssue Issue(string org, string repo, int number) => Locked(() => IssueOf(org, repo, number));

    public FakeOrg Org(string org) => Locked(() => OrgOf(org));

    /// <summary>Runs <paramref name="change"/> under the server's lock, to edit the model while requests may be in flight.</summary>
    public void Change(Action change)
    {
        lock (_lock) change();
    }

    /// <summary>A deterministic 40-hex SHA for a seed string.</summary>
    public static string Sha(string seed) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(seed)));

    internal long NextId() => ++_nextId;

    internal long UserId(string login)
    {
        lock (_userIds)
        {
            if (!_userIds.TryGetValue(login, out var id)) _userIds[login] = id = 100 + _userIds.Count;
            return id;
        }
    }

    /// <summary>Installation tokens minted through POST /app/installations/{id}/access_tokens.</summary>
    public FakeInstallationTokens InstallationTokens { get; } = new();

    internal (string Org, bool Expired)? InstallationTokenOrg(string? authorization) => InstallationTokens.Lookup(authorization, Now);

    internal IEnumerable<FakeRepo> AllRepos() => _repos.Values;

    internal IEnumerable<FakeOrg> AllOrgs() => _orgs.Values;

    internal FakeRepo? FindRepo(string org, string repo) => _repos.GetValueOrDefault($"{org}/{repo}");

    internal FakeOrg? FindOrg(string org) => _orgs.GetValueOrDefault(org);

    internal static FakeLabel EnsureLabel(FakeRepo repo, string name, long id = 0)
    {
        if (!repo.Labels.TryGetValue(name, out var label)) repo.Labels[name] = label = new FakeLabel { Id = id == 0 ? repo.Labels.Count + 5000 : id, Name = name };
        return label;
    }

    internal FakeStatus AddStatusLocked(FakeRepo repo, string sha, string context, string state, string? description, string? targetUrl, string creator)
    {
        var status = new FakeStatus { Id = NextId(), Sha = sha, Context = context, State = state, Description = description, TargetUrl = targetUrl, Creator = creator, CreatedAt = Now };
        repo.Statuses.Add(status);
        return status;
    }

    private FakeIssue AddIssueOrPull(string org, string repo, int number, string author, string title, IEnumerable<string>? labels, bool pr, string? headSha, string? baseRef) => Locked(() =>
    {
        var r = RepoOf(org, repo);
        var issue = new FakeIssue
        {
            Org = r.Org, Repo = r.Name, Number = number, Id = NextId(), Author = author, Title = title, IsPullRequest = pr,
            CreatedAt = Now, UpdatedAt = Now,
            HeadSha = headSha ?? Sha($"{r.FullName}#{number}"), BaseRef = baseRef ?? r.DefaultBranch, BaseSha = r.Refs.GetValueOrDefault($"heads/{baseRef ?? r.DefaultBranch}") ?? "",
        };
        foreach (var label in labels ?? []) issue.Labels.Add(EnsureLabel(r, label).Name);
        r.Issues[number] = issue;
        return issue;
    });

    private FakeOrg OrgOf(string org)
    {
        if (!_orgs.TryGetValue(org, out var o)) _orgs[org] = o = new FakeOrg { Login = org, Id = NextId() };
        return o;
    }

    private FakeRepo RepoOf(string org, string repo) =>
        FindRepo(org, repo) ?? throw new InvalidOperationException($"fake GitHub: repo {org}/{repo} not seeded (call AddRepo first)");

    private FakeIssue IssueOf(string org, string repo, int number) =>
        RepoOf(org, repo).Issues.GetValueOrDefault(number) ?? throw new InvalidOperationException($"fake GitHub: {org}/{repo}#{number} not seeded");

    private T Locked<T>(Func<T> action)
    {
        lock (_lock) return action();
    }
}
