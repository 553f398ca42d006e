using k8s;
using k8s.Models;
using Prow.Abstractions.Jobs;
using Prow.Silo.Adapters.Kubernetes.Decoration;

namespace Prow.Silo.Tests.Adapters.Kubernetes.Decoration;

/// <summary>The clonerefs container for cases Prow's golden pods do not cover (from Prow's TestCloneRefs).</summary>
public sealed class CloneRefsTests
{
    private static readonly V1VolumeMount LogMount = new() { Name = "log", MountPath = "/log-mount" };
    private static readonly V1VolumeMount CodeMount = new() { Name = "code", MountPath = "/code-mount" };

    public static TheoryData<string, ProwJob> NothingToClone => new()
    {
        { "empty job", new ProwJob() },
        { "no refs", Job(refs: null, extraRefs: null, new DecorationConfig()) },
        { "not decorated", Job(new Refs(), null, null) },
        { "skip_cloning", Job(new Refs(), null, new DecorationConfig { SkipCloning = true }) },
    };

    [Theory]
    [MemberData(nameof(NothingToClone))]
    public void NothingToClone_NoContainer(string name, ProwJob job)
    {
        Assert.True(PodUtilityContainers.CloneRefs(job, CodeMount, LogMount) is null, name);
    }

    [Theory]
    [InlineData("", "/whatever", "log", "/log-mount")]
    [InlineData("wee", "", "log", "/log-mount")]
    [InlineData("code", "/code-mount", "", "/whatever")]
    [InlineData("code", "/code-mount", "wee", "")]
    public void IncompleteMount_Rejected(string codeName, string codePath, string logName, string logPath)
    {
        var job = Job(new Refs(), null, new DecorationConfig());

        Assert.Throws<ArgumentException>(() => PodUtilityContainers.CloneRefs(job,
            new V1VolumeMount { Name = codeName, MountPath = codePath }, new V1VolumeMount { Name = logName, MountPath = logPath }));
    }

    [Fact]
    public void RefsThenExtraRefs_ClonedInThatOrder()
    {
        var job = Job(new Refs { Org = "org", Repo = "repo" }, [new Refs { Org = "extra", Repo = "one" }], new DecorationConfig());

        var clone = PodUtilityContainers.CloneRefs(job, CodeMount, LogMount)!;

        Assert.Equal(["org/repo", "extra/one"], clone.Refs.Select(r => r.OrgRepo));
        Assert.Contains("\"refs\":[{\"org\":\"org\",\"repo\":\"repo\"},{\"org\":\"extra\",\"repo\":\"one\"}]", Options(clone.Container));
    }

    [Fact]
    public void OauthTokenSecret_MountedAndPassedAsTokenFile()
    {
        var job = Job(null, [new Refs()], new DecorationConfig
        {
            UtilityImages = new UtilityImages(),
            OauthTokenSecret = new SecretKeyReference { Name = "oauth-secret", Key = "oauth-file" },
        });

        var clone = PodUtilityContainers.CloneRefs(job, CodeMount, LogMount)!;

        Assert.Equal(
            """{"src_root":"/code-mount","log":"/log-mount/clone.json","git_user_name":"ci-robot","git_user_email":"ci-robot@k8s.io","refs":[{"org":"","repo":""}],"oauth_token_file":"/secrets/oauth/oauth-file","github_api_endpoints":["https://api.github.com"]}""",
            Options(clone.Container));
        Assert.Equal(["log:/log-mount", "code:/code-mount", "oauth-secret:/secrets/oauth:ro", "clonerefs-tmp:/tmp"], Mounts(clone.Container));
        Assert.Equal(
            """[{"name":"oauth-secret","secret":{"items":[{"key":"oauth-file","path":"./oauth-file"}],"secretName":"oauth-secret"}},{"emptyDir":{},"name":"clonerefs-tmp"}]""",
            KubernetesJson.Serialize(clone.Volumes));
        Assert.Null(clone.Container.Image);
    }

    [Fact]
    public void GitHubApp_KeyMountedAndCustomEndpointsPassed()
    {
        var job = Job(null, [new Refs()], new DecorationConfig
        {
            UtilityImages = new UtilityImages(),
            GitHubApiEndpoints = ["http://example.com"],
            GitHubAppId = "123456",
            GitHubAppPrivateKeySecret = new SecretKeyReference { Name = "github-app-secret", Key = "private-key" },
        });

        var clone = PodUtilityContainers.CloneRefs(job, CodeMount, LogMount)!;

        Assert.Equal(
            """{"src_root":"/code-mount","log":"/log-mount/clone.json","git_user_name":"ci-robot","git_user_email":"ci-robot@k8s.io","refs":[{"org":"","repo":""}],"github_api_endpoints":["http://example.com"],"github_app_id":"123456","github_app_private_key_file":"/secrets/github-app/private-key"}""",
            Options(clone.Container));
        Assert.Equal(["log:/log-mount", "code:/code-mount", "github-app-secret:/secrets/github-app:ro", "clonerefs-tmp:/tmp"], Mounts(clone.Container));
    }

    [Fact]
    public void EmptyCookiefileSecret_NoCookiefile()
    {
        var job = Job(new Refs(), null, new DecorationConfig { CookiefileSecret = "" });

        var clone = PodUtilityContainers.CloneRefs(job, CodeMount, LogMount)!;

        Assert.Null(clone.Container.Args);
        Assert.DoesNotContain("cookie_path", Options(clone.Container));
        Assert.Equal(["clonerefs-tmp"], clone.Volumes.Select(v => v.Name));
    }

    private static ProwJob Job(Refs? refs, List<Refs>? extraRefs, DecorationConfig? decoration) =>
        new() { Spec = new ProwJobSpec { Refs = refs, ExtraRefs = extraRefs, DecorationConfig = decoration } };

    private static string Options(V1Container container) =>
        Assert.Single(container.Env, e => e.Name == CloneRefsOptions.EnvVar).Value;

    private static IEnumerable<string> Mounts(V1Container container) =>
        container.VolumeMounts.Select(m => $"{m.Name}:{m.MountPath}" + (m.ReadOnlyProperty == true ? ":ro" : ""));
}
