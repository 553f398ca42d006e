using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>clonerefs' configuration (Prow's <c>clonerefs.Options</c>), the CLONEREFS_OPTIONS variable.</summary>
public sealed class CloneRefsOptions
{
    public const string EnvVar = "CLONEREFS_OPTIONS";
    public const string DefaultGitUserName = "ci-robot";
    public const string DefaultGitUserEmail = "ci-robot@k8s.io";

    /// <summary>Where the repositories are cloned (under src/).</summary>
    public string SrcRoot { get; set; } = "";

    /// <summary>Where the clone records are written.</summary>
    public string Log { get; set; } = "";

    public string GitUserName { get; set; } = "";
    public string GitUserEmail { get; set; } = "";
    public List<Refs>? GitRefs { get; set; }
    public List<string>? KeyFiles { get; set; }
    public string OauthTokenFile { get; set; } = "";
    public List<string>? HostFingerprints { get; set; }
    public int MaxParallelWorkers { get; set; }
    public bool Fail { get; set; }
    public string CookiePath { get; set; } = "";
    public List<string>? GitHubApiEndpoints { get; set; }
    public string GitHubAppId { get; set; } = "";
    public string GitHubAppPrivateKeyFile { get; set; } = "";

    public string Encode()
    {
        var json = new GoJsonWriter();
        json.String("src_root", SrcRoot, omitEmpty: false);
        json.String("log", Log, omitEmpty: false);
        json.String("git_user_name", GitUserName);
        json.String("git_user_email", GitUserEmail);
        json.Writer.WritePropertyName("refs");
        if (GitRefs is null) json.Writer.WriteNullValue();
        else System.Text.Json.JsonSerializer.Serialize(json.Writer, GitRefs, ProwJobJson.Options);
        json.Strings("key_files", KeyFiles);
        json.String("oauth_token_file", OauthTokenFile);
        json.Strings("host_fingerprints", HostFingerprints);
        json.Number("max_parallel_workers", MaxParallelWorkers);
        json.Bool("fail", Fail);
        json.String("cookie_path", CookiePath);
        json.Strings("github_api_endpoints", GitHubApiEndpoints);
        json.String("github_app_id", GitHubAppId);
        json.String("github_app_private_key_file", GitHubAppPrivateKeyFile);
        return json.Finish();
    }
}
