using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// The pod utilities' containers (Prow's <c>CloneRefs</c>, <c>InitUpload</c>, <c>PlaceEntrypoint</c>,
/// <c>InjectEntrypoint</c> and <c>Sidecar</c>): each built from the decoration config, with its options
/// as a JSON environment variable.
/// </summary>
public static class PodUtilityContainers
{
    public const string CloneRefsName = "clonerefs";
    public const string InitUploadName = "initupload";
    public const string PlaceEntrypointName = "place-entrypoint";
    public const string SidecarName = "sidecar";
    public const string CloneLogFile = "clone.json";

    /// <summary>GitHub's API, clonerefs' endpoint when the config names none.</summary>
    public const string DefaultGitHubApiEndpoint = "https://api.github.com";

    /// <summary>
    /// The clonerefs init container that checks out the job's refs and extra refs into
    /// <paramref name="codeMount"/> and logs to clone.json in <paramref name="logMount"/>, with the
    /// volumes it needs (ssh keys, oauth token, GitHub App key, /tmp, cookiefile). Null when the job is
    /// not decorated, skips cloning or has no refs.
    /// </summary>
    /// <exception cref="ArgumentException">A mount lacks its name or path.</exception>
    public static CloneRefsContainer? CloneRefs(ProwJob job, V1VolumeMount codeMount, V1VolumeMount logMount)
    {
        var dc = job.Spec.DecorationConfig;
        if (dc is null || dc.SkipCloning == true) return null;
        var refs = new List<Refs>();
        if (job.Spec.Refs is not null) refs.Add(job.Spec.Refs);
        refs.AddRange(job.Spec.ExtraRefs ?? []);
        if (refs.Count == 0) return null;
        if (string.IsNullOrEmpty(codeMount.Name) || string.IsNullOrEmpty(codeMount.MountPath))
            throw new ArgumentException("codeMount must set Name and MountPath", nameof(codeMount));
        if (string.IsNullOrEmpty(logMount.Name) || string.IsNullOrEmpty(logMount.MountPath))
            throw new ArgumentException("logMount must set Name and MountPath", nameof(logMount));

        var mounts = new List<V1VolumeMount>();
        var volumes = new List<V1Volume>();
        var keyFiles = new List<string>();
        foreach (var secret in dc.SshKeySecrets ?? [])
        {
            var (volume, mount) = DecorationVolumes.SshKeys(secret);
            mounts.Add(mount);
            keyFiles.Add(mount.MountPath);
            volumes.Add(volume);
        }

        var oauthTokenFile = "";
        if (dc.OauthTokenSecret is { } oauth)
        {
            var (volume, mount) = DecorationVolumes.SecretKey(oauth.Name, oauth.Key, DecorationVolumes.OauthPath);
            mounts.Add(mount);
            oauthTokenFile = GoPath.Join(mount.MountPath, oauth.Key);
            volumes.Add(volume);
        }

        var appKeyFile = "";
        if (dc.GitHubAppPrivateKeySecret is { } appKey)
        {
            var (volume, mount) = DecorationVolumes.SecretKey(appKey.Name, appKey.Key, DecorationVolumes.GitHubAppPath);
            mounts.Add(mount);
            appKeyFile = GoPath.Join(mount.MountPath, appKey.Key);
            volumes.Add(volume);
        }

        mounts.Add(new V1VolumeMount { Name = DecorationVolumes.CloneRefsTmpName, MountPath = "/tmp" });
        volumes.Add(DecorationVolumes.EmptyDir(DecorationVolumes.CloneRefsTmpName));

        List<string>? args = null;
        var cookiePath = "";
        if (!string.IsNullOrEmpty(dc.CookiefileSecret))
        {
            var (volume, mount, path) = DecorationVolumes.Cookiefile(dc.CookiefileSecret);
            mounts.Add(mount);
            volumes.Add(volume);
            cookiePath = path;
            args = ["--cookiefile=" + path];
        }

        var options = new CloneRefsOptions
        {
            CookiePath = cookiePath,
            GitRefs = refs,
            GitUserEmail = CloneRefsOptions.DefaultGitUserEmail,
            GitUserName = CloneRefsOptions.DefaultGitUserName,
            HostFingerprints = dc.SshHostFingerprints,
            KeyFiles = keyFiles,
            Log = CloneLogPath(logMount),
            SrcRoot = codeMount.MountPath,
            OauthTokenFile = oauthTokenFile,
            GitHubApiEndpoints = dc.GitHubApiEndpoints is { Count: > 0 } endpoints ? endpoints : [DefaultGitHubApiEndpoint],
            GitHubAppId = dc.GitHubAppId,
            GitHubAppPrivateKeyFile = appKeyFile,
        };
        var container = new V1Container
        {
            Name = CloneRefsName,
            Image = NullIfEmpty(dc.UtilityImages?.CloneRefs),
            Args = args,
            Env = PodBuilder.KubeEnv(new Dictionary<string, string> { [CloneRefsOptions.EnvVar] = options.Encode() }),
            VolumeMounts = [PodBuilder.Copy(logMount), PodBuilder.Copy(codeMount), .. mounts],
            Resources = Resources(dc.Resources?.CloneRefs),
        };
        return new CloneRefsContainer(container, refs, volumes);
    }

    /// <summary>Where clonerefs writes its records: clone.json in the log mount.</summary>
    public static string CloneLogPath(V1VolumeMount logMount) => GoPath.Join(logMount.MountPath, CloneLogFile);

    /// <summary>
    /// The initupload init container: uploads started.json (and the clone records, when
    /// <paramref name="cloneLogMount"/> is set) before the test starts.
    /// </summary>
    public static V1Container InitUpload(
        DecorationConfig config, GcsUploadOptions gcsOptions, IReadOnlyList<V1VolumeMount> blobStorageMounts,
        V1VolumeMount? cloneLogMount, V1VolumeMount? outputMount, string encodedJobSpec)
    {
        var options = new InitUploadOptions { Options = gcsOptions };
        var mounts = new List<V1VolumeMount>();
        if (cloneLogMount is not null)
        {
            options.Log = CloneLogPath(cloneLogMount);
            mounts.Add(PodBuilder.Copy(cloneLogMount));
        }
        mounts.AddRange(blobStorageMounts.Select(PodBuilder.Copy));
        if (outputMount is not null) mounts.Add(PodBuilder.Copy(outputMount));
        return new V1Container
        {
            Name = InitUploadName,
            Image = NullIfEmpty(config.UtilityImages?.InitUpload),
            Env = PodBuilder.KubeEnv(new Dictionary<string, string>
            {
                [JobEnvironment.JobSpec] = encodedJobSpec,
                [InitUploadOptions.EnvVar] = options.Encode(),
            }),
            VolumeMounts = NullIfEmpty(mounts),
            Resources = Resources(config.Resources?.InitUpload),
        };
    }

    /// <summary>The place-entrypoint init container: copies the entrypoint binary into the tools volume.</summary>
    public static V1Container PlaceEntrypoint(DecorationConfig config, V1VolumeMount toolsMount) => new()
    {
        Name = PlaceEntrypointName,
        Image = NullIfEmpty(config.UtilityImages?.Entrypoint),
        Args = ["--copy-mode-only"],
        VolumeMounts = [PodBuilder.Copy(toolsMount)],
        Resources = Resources(config.Resources?.PlaceEntrypoint),
    };

    /// <summary>
    /// Makes /tools/entrypoint the command of <paramref name="container"/>, its command and args the
    /// wrapped process (ENTRYPOINT_OPTIONS), and mounts logs and tools. <paramref name="prefix"/> names
    /// the process log, marker and metadata files when a pod has several test containers.
    /// </summary>
    public static WrapperOptions InjectEntrypoint(
        V1Container container, TimeSpan timeout, TimeSpan gracePeriod, string prefix, string previousMarker,
        bool propagateErrorCode, bool exitZero, V1VolumeMount logMount, V1VolumeMount toolsMount)
    {
        var artifacts = GoPath.Join(logMount.MountPath, "artifacts");
        var wrapper = new WrapperOptions
        {
            Args = NullIfEmpty([.. container.Command ?? [], .. container.Args ?? []]),
            ContainerName = container.Name ?? "",
            ProcessLog = GoPath.Join(logMount.MountPath, prefix.Length == 0 ? "process-log.txt" : $"{prefix}-log.txt"),
            MarkerFile = GoPath.Join(logMount.MountPath, prefix.Length == 0 ? "marker-file.txt" : $"{prefix}-marker.txt"),
            MetadataFile = GoPath.Join(artifacts, prefix.Length == 0 ? "metadata.json" : $"{prefix}-metadata.json"),
        };
        var options = new EntrypointOptions
        {
            ArtifactDir = artifacts,
            GracePeriod = gracePeriod,
            Wrapper = wrapper,
            Timeout = timeout,
            PropagateErrorCode = propagateErrorCode,
            AlwaysZero = exitZero,
            PreviousMarker = previousMarker,
        };
        container.Command = [GoPath.Join(toolsMount.MountPath, "entrypoint")];
        container.Args = null;
        container.Env = [.. container.Env ?? [], .. PodBuilder.KubeEnv(new Dictionary<string, string> { [EntrypointOptions.EnvVar] = options.Encode() })];
        container.VolumeMounts = [.. container.VolumeMounts ?? [], PodBuilder.Copy(logMount), PodBuilder.Copy(toolsMount)];
        return wrapper;
    }

    /// <summary>
    /// The sidecar container: waits for the wrapped processes, then uploads their logs and the artifacts
    /// directory, censoring the contents of <paramref name="secretVolumeMounts"/>.
    /// </summary>
    public static V1Container Sidecar(
        DecorationConfig config, GcsUploadOptions gcsOptions, IReadOnlyList<V1VolumeMount> blobStorageMounts,
        V1VolumeMount logMount, V1VolumeMount? outputMount, string encodedJobSpec, bool requirePassingEntries,
        bool ignoreInterrupts, IReadOnlyList<V1VolumeMount> secretVolumeMounts, IReadOnlyList<WrapperOptions> wrappers)
    {
        var upload = gcsOptions.Clone();
        upload.Items = [.. upload.Items ?? [], GoPath.Join(logMount.MountPath, "artifacts")];
        var censoring = new SidecarCensoringOptions { SecretDirectories = NullIfEmpty(secretVolumeMounts.Select(m => m.MountPath).ToList()) };
        if (config.CensoringOptions is { } configured)
        {
            censoring.CensoringConcurrency = configured.CensoringConcurrency;
            censoring.CensoringBufferSize = configured.CensoringBufferSize;
            censoring.IncludeDirectories = configured.IncludeDirectories;
            censoring.ExcludeDirectories = configured.ExcludeDirectories;
            censoring.MinimumSecretLength = configured.MinimumSecretLength;
        }
        var options = new SidecarOptions
        {
            GcsOptions = upload,
            Entries = [.. wrappers],
            EntryError = requirePassingEntries,
            IgnoreInterrupts = ignoreInterrupts,
            CensoringOptions = censoring,
        };
        List<V1VolumeMount> mounts = [PodBuilder.Copy(logMount), .. blobStorageMounts.Select(PodBuilder.Copy), .. secretVolumeMounts.Select(PodBuilder.Copy)];
        if (outputMount is not null) mounts.Add(PodBuilder.Copy(outputMount));
        return new V1Container
        {
            Name = SidecarName,
            Image = NullIfEmpty(config.UtilityImages?.Sidecar),
            Env = PodBuilder.KubeEnv(new Dictionary<string, string>
            {
                [SidecarOptions.EnvVar] = options.Encode(),
                [JobEnvironment.JobSpec] = encodedJobSpec,
            }),
            VolumeMounts = mounts,
            TerminationMessagePolicy = PodBuilder.FallbackToLogsOnError,
            Resources = Resources(config.Resources?.Sidecar),
        };
    }

    private static V1ResourceRequirements? Resources(JsonObject? raw) =>
        raw is null ? null : KubernetesJson.Deserialize<V1ResourceRequirements>(raw.ToJsonString());

    internal static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static List<T>? NullIfEmpty<T>(List<T> values) => values.Count == 0 ? null : values;
}
