using System.Text.Json;
using System.Text.Json.Nodes;
using Cfg = Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// Copies the job config models (YAML-bound, <see cref="Cfg"/>) into their ProwJob counterparts
/// (JSON-bound). Deep copies: the ProwJob never shares mutable state with the config snapshot.
/// </summary>
public static class ConfigConversion
{
    public static Refs ToRefs(Cfg.Refs r) => new()
    {
        Org = r.Org,
        Repo = r.Repo,
        RepoLink = r.RepoLink,
        BaseRef = r.BaseRef,
        BaseSha = r.BaseSha,
        BaseLink = r.BaseLink,
        Pulls = r.Pulls?.Select(ToPull).ToList(),
        PathAlias = r.PathAlias,
        WorkDir = r.WorkDir,
        Auxiliary = r.Auxiliary,
        CloneUri = r.CloneUri,
        SkipSubmodules = r.SkipSubmodules,
        CloneDepth = r.CloneDepth,
        SkipFetchHead = r.SkipFetchHead,
        BloblessFetch = r.BloblessFetch,
        SparseCheckoutFiles = r.SparseCheckoutFiles?.ToList(),
    };

    public static Pull ToPull(Cfg.Pull p) => new()
    {
        Number = p.Number,
        Author = p.Author,
        Sha = p.Sha,
        Title = p.Title,
        Ref = p.Ref,
        HeadRef = p.HeadRef,
        Link = p.Link,
        CommitLink = p.CommitLink,
        AuthorLink = p.AuthorLink,
    };

    public static DecorationConfig? ToDecorationConfig(Cfg.DecorationConfig? d) => d is null ? null : new()
    {
        Timeout = d.Timeout,
        GracePeriod = d.GracePeriod,
        UtilityImages = d.UtilityImages is { } u
            ? new UtilityImages { CloneRefs = u.CloneRefs, InitUpload = u.InitUpload, Entrypoint = u.Entrypoint, Sidecar = u.Sidecar }
            : null,
        Resources = d.Resources is { } r
            ? new DecorationResources { CloneRefs = Clone(r.CloneRefs), InitUpload = Clone(r.InitUpload), PlaceEntrypoint = Clone(r.PlaceEntrypoint), Sidecar = Clone(r.Sidecar) }
            : null,
        GcsConfiguration = d.GcsConfiguration is { } g ? new GcsConfiguration
        {
            Bucket = g.Bucket,
            PathPrefix = g.PathPrefix,
            PathStrategy = g.PathStrategy,
            DefaultOrg = g.DefaultOrg,
            DefaultRepo = g.DefaultRepo,
            MediaTypes = g.MediaTypes is null ? null : new(g.MediaTypes),
            JobUrlPrefix = g.JobUrlPrefix,
            LocalOutputDir = g.LocalOutputDir,
            CompressFileTypes = g.CompressFileTypes?.ToList(),
        } : null,
        GcsCredentialsSecret = d.GcsCredentialsSecret,
        S3CredentialsSecret = d.S3CredentialsSecret,
        DefaultServiceAccountName = d.DefaultServiceAccountName,
        SshKeySecrets = d.SshKeySecrets?.ToList(),
        SshHostFingerprints = d.SshHostFingerprints?.ToList(),
        BloblessFetch = d.BloblessFetch,
        SparseCheckoutFiles = d.SparseCheckoutFiles?.ToList(),
        SkipCloning = d.SkipCloning,
        CookiefileSecret = d.CookiefileSecret,
        OauthTokenSecret = ToSecret(d.OauthTokenSecret),
        GitHubApiEndpoints = d.GitHubApiEndpoints?.ToList(),
        GitHubAppId = d.GitHubAppId,
        GitHubAppPrivateKeySecret = ToSecret(d.GitHubAppPrivateKeySecret),
        CensorSecrets = d.CensorSecrets,
        CensoringOptions = d.CensoringOptions is { } c ? new CensoringOptions
        {
            CensoringConcurrency = c.CensoringConcurrency,
            CensoringBufferSize = c.CensoringBufferSize,
            IncludeDirectories = c.IncludeDirectories?.ToList(),
            ExcludeDirectories = c.ExcludeDirectories?.ToList(),
            MinimumSecretLength = c.MinimumSecretLength,
        } : null,
        UploadIgnoresInterrupts = d.UploadIgnoresInterrupts,
        SetLimitEqualsMemoryRequest = d.SetLimitEqualsMemoryRequest,
        DefaultMemoryRequest = d.DefaultMemoryRequest,
        SchedulingOptions = d.SchedulingOptions is { } s
            ? new SchedulingOptions { Affinity = Clone(s.Affinity), Tolerations = (JsonArray?)s.Tolerations?.DeepClone() }
            : null,
        PodPendingTimeout = d.PodPendingTimeout,
        PodRunningTimeout = d.PodRunningTimeout,
        PodUnscheduledTimeout = d.PodUnscheduledTimeout,
        RunAsUser = d.RunAsUser,
        RunAsGroup = d.RunAsGroup,
        FsGroup = d.FsGroup,
    };

    public static ReporterConfig? ToReporterConfig(Cfg.ReporterConfig? r) => r is null ? null : new()
    {
        Slack = r.Slack is { } s ? new SlackReporterConfig
        {
            Host = s.Host,
            Channel = s.Channel,
            JobStatesToReport = s.JobStatesToReport?.Select(ParseState).OfType<ProwJobState>().ToList(),
            ReportTemplate = s.ReportTemplate,
            Report = s.Report,
        } : null,
    };

    public static RerunAuthConfig? ToRerunAuthConfig(Cfg.RerunAuthConfig? r) => r is null ? null : new()
    {
        AllowAnyone = r.AllowAnyone,
        GitHubTeamIds = r.GitHubTeamIds?.ToList(),
        GitHubTeamSlugs = r.GitHubTeamSlugs?.Select(t => new GitHubTeamSlug { Org = t.Org, Slug = t.Slug }).ToList(),
        GitHubUsers = r.GitHubUsers?.ToList(),
        GitHubOrgs = r.GitHubOrgs?.ToList(),
    };

    public static ProwJobDefault? ToProwJobDefault(Cfg.ProwJobDefault? d) => d is null ? null : new()
    {
        TenantId = d.TenantId,
        ResultStoreConfig = d.ResultStoreConfig is { } r ? new ResultStoreConfig { ProjectId = r.ProjectId } : null,
    };

    public static TektonPipelineRunSpec? ToTekton(Cfg.TektonPipelineRunSpec? t) =>
        t is null ? null : new TektonPipelineRunSpec { V1Beta1 = Clone(t.V1Beta1) };

    public static JenkinsSpec? ToJenkinsSpec(Cfg.JenkinsSpec? j) =>
        j is null ? null : new JenkinsSpec { GitHubBranchSourceJob = j.GithubBranchSourceJob };

    public static JsonObject? Clone(JsonObject? value) => (JsonObject?)value?.DeepClone();

    /// <summary>A state name from config ("failure") as the enum; null for names Prow does not know.</summary>
    public static ProwJobState? ParseState(string name)
    {
        try
        {
            return JsonSerializer.Deserialize<ProwJobState>(JsonSerializer.Serialize(name), ProwJobJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SecretKeyReference? ToSecret(Cfg.SecretKeyReference? s) =>
        s is null ? null : new SecretKeyReference { Name = s.Name, Key = s.Key };
}
