using k8s.Models;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// The volumes decoration adds and where they are mounted (Prow's decorate constants and
/// <c>LogMountAndVolume</c>, <c>CodeMountAndVolume</c>, <c>ToolsMountAndVolume</c>). Each call returns new
/// objects: Kubernetes models are mutable, and Go copied these structs by value.
/// </summary>
public static class DecorationVolumes
{
    public const string LogName = "logs";
    public const string LogPath = "/logs";
    public const string ArtifactsEnv = "ARTIFACTS";
    public const string ArtifactsPath = LogPath + "/artifacts";
    public const string CodeName = "code";
    public const string CodePath = "/home/prow/go";
    public const string GopathEnv = "GOPATH";
    public const string ToolsName = "tools";
    public const string ToolsPath = "/tools";
    public const string GcsCredentialsName = "gcs-credentials";
    public const string GcsCredentialsPath = "/secrets/gcs";
    public const string S3CredentialsName = "s3-credentials";
    public const string S3CredentialsPath = "/secrets/s3-storage";
    public const string CloneRefsTmpName = "clonerefs-tmp";
    public const string CookiefileName = "cookiefile";
    public const string CookiefilePath = "/secrets/cookiefile";
    public const string OauthPath = "/secrets/oauth";
    public const string GitHubAppPath = "/secrets/github-app";
    public const string SshKeysPath = "/secrets/ssh";

    /// <summary>Mode 0400 (u+r) of the ssh key and cookiefile secret volumes.</summary>
    public const int SecretFileMode = 256;

    /// <summary>Logs and artifacts, shared by every container.</summary>
    public static V1VolumeMount LogMount() => new() { Name = LogName, MountPath = LogPath };

    /// <summary>The GOPATH the refs are cloned into.</summary>
    public static V1VolumeMount CodeMount() => new() { Name = CodeName, MountPath = CodePath };

    /// <summary>Where place-entrypoint copies the entrypoint binary.</summary>
    public static V1VolumeMount ToolsMount() => new() { Name = ToolsName, MountPath = ToolsPath };

    public static V1Volume EmptyDir(string name) => new() { Name = name, EmptyDir = new V1EmptyDirVolumeSource() };

    /// <summary>An ssh key secret for clonerefs: volume ssh-keys-NAME at /secrets/ssh/NAME, read-only, mode 0400.</summary>
    public static (V1Volume Volume, V1VolumeMount Mount) SshKeys(string secret)
    {
        var name = "ssh-keys-" + secret;
        return (
            new V1Volume { Name = name, Secret = new V1SecretVolumeSource { SecretName = secret, DefaultMode = SecretFileMode } },
            new V1VolumeMount { Name = name, MountPath = GoPath.Join(SshKeysPath, secret), ReadOnlyProperty = true });
    }

    /// <summary>One key of a secret as a file in a read-only mount (the oauth token, the GitHub App key).</summary>
    public static (V1Volume Volume, V1VolumeMount Mount) SecretKey(string secret, string key, string mountPath) => (
        new V1Volume
        {
            Name = secret,
            Secret = new V1SecretVolumeSource { SecretName = secret, Items = [new V1KeyToPath { Key = key, Path = "./" + key }] },
        },
        new V1VolumeMount { Name = secret, MountPath = mountPath, ReadOnlyProperty = true });

    /// <summary>
    /// The cookiefile secret: "secret" or "secret/key" (the key defaults to the secret's name); returns
    /// the volume, its mount and the cookie file's path for <c>--cookiefile</c>.
    /// </summary>
    public static (V1Volume Volume, V1VolumeMount Mount, string Path) Cookiefile(string secret)
    {
        var slash = secret.IndexOf('/', StringComparison.Ordinal);
        var (name, key) = slash < 0 ? (secret, secret) : (secret[..slash], secret[(slash + 1)..]);
        return (
            new V1Volume { Name = CookiefileName, Secret = new V1SecretVolumeSource { SecretName = name, DefaultMode = SecretFileMode } },
            new V1VolumeMount { Name = CookiefileName, MountPath = CookiefilePath, ReadOnlyProperty = true },
            GoPath.Join(CookiefilePath, key));
    }
}
