using k8s;
using k8s.Models;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// ProwJob → Pod, as Prow's <c>pkg/pod-utils/decorate</c> builds it (<c>ProwJobToPod</c>): the job's pod
/// spec with Prow's labels, annotations and job environment, and for decorated jobs the pod utilities
/// (clonerefs, initupload, place-entrypoint, entrypoint around each test container, sidecar). Pure:
/// no cluster, no clock. Checked against Prow's golden pods (see docs/decoration.md).
/// </summary>
public static class PodBuilder
{
    /// <summary>The name a pod's only container gets.</summary>
    public const string TestContainerName = "test";
    public const string FallbackToLogsOnError = "FallbackToLogsOnError";

    /// <summary>
    /// The pod that runs <paramref name="job"/>: named after the job, restartPolicy Never, service
    /// account token not mounted unless asked for, decorated when the job has a decoration config.
    /// </summary>
    /// <exception cref="ArgumentException">The job has no pod spec, or no refs although it is not periodic.</exception>
    public static V1Pod ProwJobToPod(ProwJob job)
    {
        if (job.Spec.PodSpec is null) throw new ArgumentException($"prowjob \"{job.Name}\" lacks a pod spec", nameof(job));
        var rawEnv = JobEnvironment.ForJob(job);

        var spec = KubernetesJson.Deserialize<V1PodSpec>(job.Spec.PodSpec.ToJsonString());
        spec.RestartPolicy = "Never";
        if (spec.Containers is { Count: 1 } only) only[0].Name = TestContainerName;

        // Kubernetes mounts the default service account's token when this is unset; Prow does not,
        // unless the job names a service account.
        if (spec.AutomountServiceAccountToken is null && string.IsNullOrEmpty(spec.ServiceAccountName))
            spec.AutomountServiceAccountToken = false;

        if (job.Spec.DecorationConfig is null)
        {
            foreach (var container in spec.Containers ?? []) container.Env = [.. container.Env ?? [], .. KubeEnv(rawEnv)];
        }
        else
        {
            Decorate(spec, job, rawEnv);
        }

        // A failing container's log tail becomes its termination message unless the job chose a policy.
        foreach (var container in (spec.InitContainers ?? []).Concat(spec.Containers ?? []))
        {
            if (string.IsNullOrEmpty(container.TerminationMessagePolicy)) container.TerminationMessagePolicy = FallbackToLogsOnError;
        }

        var (labels, annotations) = ProwJobLabels.ForWorkload(job);
        return new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = job.Name,
                Labels = labels.Count == 0 ? null : labels,
                Annotations = annotations.Count == 0 ? null : annotations,
            },
            Spec = spec,
        };
    }

    /// <summary>
    /// Decorates <paramref name="spec"/> in place with the pod utilities for <paramref name="job"/>'s
    /// decoration config (Prow's <c>decorate</c>). <paramref name="rawEnv"/> is the job environment
    /// (ARTIFACTS and GOPATH are added); its JOB_SPEC is handed to initupload and sidecar.
    /// </summary>
    public static void Decorate(V1PodSpec spec, ProwJob job, IReadOnlyDictionary<string, string> rawEnv)
    {
        var dc = job.Spec.DecorationConfig ?? throw new ArgumentException($"prowjob \"{job.Name}\" is not decorated", nameof(job));
        var env = new Dictionary<string, string>(rawEnv, StringComparer.Ordinal)
        {
            [DecorationVolumes.ArtifactsEnv] = DecorationVolumes.ArtifactsPath,
            [DecorationVolumes.GopathEnv] = DecorationVolumes.CodePath, // Prow keeps it until Go modules can be assumed
        };
        var logMount = DecorationVolumes.LogMount();
        var codeMount = DecorationVolumes.CodeMount();
        var toolsMount = DecorationVolumes.ToolsMount();

        var (blobVolumes, blobMounts, blobOptions) = BlobStorageOptions(dc);
        var cloner = PodUtilityContainers.CloneRefs(job, codeMount, logMount);
        spec.InitContainers = cloner is null ? spec.InitContainers : [cloner.Container, .. spec.InitContainers ?? []];

        var encodedJobSpec = env.GetValueOrDefault(JobEnvironment.JobSpec, "");
        var initUpload = PodUtilityContainers.InitUpload(dc, blobOptions, blobMounts, cloner is null ? null : logMount, null, encodedJobSpec);
        spec.InitContainers = [.. spec.InitContainers ?? [], initUpload, PodUtilityContainers.PlaceEntrypoint(dc, toolsMount)];

        var containers = spec.Containers ?? [];
        foreach (var container in containers) container.Env = [.. container.Env ?? [], .. KubeEnv(env)];

        // With censor_secrets, the secret volumes the test containers mount are censored by sidecar.
        var secretVolumes = (spec.Volumes ?? []).Where(v => v.Secret is not null).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        bool ContainsSecretData(string name) => dc.CensorSecrets == true && secretVolumes.Contains(name);
        var secretVolumeMounts = new List<V1VolumeMount>();
        var wrappers = new List<WrapperOptions>();
        foreach (var container in containers)
        {
            var prefix = containers.Count == 1 ? "" : container.Name ?? "";
            var wrapper = PodUtilityContainers.InjectEntrypoint(container, dc.Timeout ?? TimeSpan.Zero, dc.GracePeriod ?? TimeSpan.Zero,
                prefix, previousMarker: "", propagateErrorCode: false, exitZero: false, logMount, toolsMount);
            secretVolumeMounts.AddRange(container.VolumeMounts.Where(m => ContainsSecretData(m.Name)));
            wrappers.Add(wrapper);
        }

        var sidecar = PodUtilityContainers.Sidecar(dc, blobOptions, blobMounts, logMount, null, encodedJobSpec,
            requirePassingEntries: false, ignoreInterrupts: dc.UploadIgnoresInterrupts == true, secretVolumeMounts, wrappers);

        spec.Volumes = [.. spec.Volumes ?? [], DecorationVolumes.EmptyDir(DecorationVolumes.LogName), DecorationVolumes.EmptyDir(DecorationVolumes.ToolsName), .. blobVolumes];
        if (cloner is { Refs.Count: > 0 })
        {
            foreach (var container in containers)
            {
                container.WorkingDir = DetermineWorkDir(codeMount.MountPath, cloner.Refs);
                container.VolumeMounts = [.. container.VolumeMounts ?? [], Copy(codeMount)];
            }
            spec.Volumes = [.. spec.Volumes, .. cloner.Volumes, DecorationVolumes.EmptyDir(DecorationVolumes.CodeName)];
        }

        DecorationResourcesAndScheduling.Apply(spec, containers, dc);
        spec.Containers = [.. containers, sidecar];

        // The pod's grace period must cover the test's grace period and the upload after it: 80/20.
        if (spec.TerminationGracePeriodSeconds is null && dc.GracePeriod is { } gracePeriod)
            spec.TerminationGracePeriodSeconds = (long)gracePeriod.TotalSeconds * 5 / 4;

        if (string.IsNullOrEmpty(spec.ServiceAccountName) && dc.DefaultServiceAccountName is { } defaultServiceAccount)
            spec.ServiceAccountName = defaultServiceAccount;
    }

    /// <summary>
    /// The credential volumes and mounts for blob storage and the upload options (Prow's
    /// <c>BlobStorageOptions</c> without local mode): gcs_credentials_secret at /secrets/gcs,
    /// s3_credentials_secret at /secrets/s3-storage, each with service-account.json.
    /// </summary>
    public static (List<V1Volume> Volumes, List<V1VolumeMount> Mounts, GcsUploadOptions Options) BlobStorageOptions(DecorationConfig dc)
    {
        var options = new GcsUploadOptions { GcsConfiguration = dc.GcsConfiguration, DryRun = false };
        var volumes = new List<V1Volume>();
        var mounts = new List<V1VolumeMount>();
        foreach (var (secret, name, path, setFile) in new (string?, string, string, Action<string>)[]
        {
            (dc.GcsCredentialsSecret, DecorationVolumes.GcsCredentialsName, DecorationVolumes.GcsCredentialsPath, f => options.GcsCredentialsFile = f),
            (dc.S3CredentialsSecret, DecorationVolumes.S3CredentialsName, DecorationVolumes.S3CredentialsPath, f => options.S3CredentialsFile = f),
        })
        {
            if (string.IsNullOrEmpty(secret)) continue;
            volumes.Add(new V1Volume { Name = name, Secret = new V1SecretVolumeSource { SecretName = secret } });
            mounts.Add(new V1VolumeMount { Name = name, MountPath = path });
            setFile(path + "/service-account.json");
        }
        return (volumes, mounts, options);
    }

    /// <summary>The test containers' working directory: the clone of the first refs marked workdir, else of the first refs.</summary>
    public static string DetermineWorkDir(string baseDir, IReadOnlyList<Refs> refs) =>
        PathForRefs(baseDir, refs.FirstOrDefault(r => r.WorkDir) ?? refs[0]);

    /// <summary>Where clonerefs clones <paramref name="refs"/>: src/ then path_alias, the repo link's host and path, or github.com/org/repo.</summary>
    public static string PathForRefs(string baseDir, Refs refs)
    {
        var clonePath = refs.PathAlias.Length > 0 ? refs.PathAlias
            : refs.RepoLink.Length > 0 ? refs.RepoLink.Split("://")[^1]
            : $"{JobEnvironment.DefaultHost}/{refs.Org}/{refs.Repo}";
        return GoPath.Join(baseDir, "src", clonePath);
    }

    /// <summary>Environment variables sorted by name (Prow's <c>KubeEnv</c>); an empty value is left unset, as Go omits it.</summary>
    public static List<V1EnvVar> KubeEnv(IReadOnlyDictionary<string, string> environment) =>
        [.. environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new V1EnvVar { Name = e.Key, Value = PodUtilityContainers.NullIfEmpty(e.Value) })];

    /// <summary>A copy of a Kubernetes object (Go copies these structs by value; ours are shared references).</summary>
    public static T Copy<T>(T value) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(value));
}
