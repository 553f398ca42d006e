using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;

namespace Prow.Gateway.Endpoints;

/// <summary>What Deck's job endpoints may do (from the command line).</summary>
public sealed class DeckOptions
{
    /// <summary>Prow's <c>--rerun-creates-job</c>: POST /rerun creates the job (otherwise only GET shows it).</summary>
    public bool RerunCreatesJob { get; set; }

    /// <summary>The most of a log /log returns (its tail).</summary>
    public int MaxLogBytes { get; set; } = 16 * 1024 * 1024;
}

/// <summary>
/// Deck's job endpoints: <c>/prowjobs.js</c> (the listing, from the index shards), <c>/prowjob</c>
/// (one job as YAML), <c>/log</c>, <c>/rerun</c> and <c>/abort</c>, with Deck's parameters, messages
/// and status codes. Rerun and abort are allowed only where the deck's rerun auth config (or the
/// job's) says <c>allow_anyone: true</c>, until GitHub OAuth login exists.
/// </summary>
public static partial class ProwJobEndpoints
{
    private static readonly byte[] ItemsPrefix = "{\"items\":["u8.ToArray();
    private static readonly byte[] ItemsSuffix = "]}"u8.ToArray();
    private const int MaxNameLength = 253;

    public static IEndpointRouteBuilder MapProwJobs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/prowjobs.js", ListAsync);
        endpoints.MapGet("/prowjob", GetAsync);
        endpoints.MapGet("/log", LogAsync);
        endpoints.MapMethods("/rerun", ["GET", "POST"], RerunAsync);
        endpoints.MapMethods("/abort", ["GET", "POST", "PUT", "DELETE", "PATCH"], AbortAsync);
        return endpoints;
    }

    private static async Task ListAsync(HttpContext http, IGrainFactory grains)
    {
        NoCache(http);
        var query = http.Request.Query;
        var variable = query["var"].ToString();
        if (variable.Length > 0 && !JavaScriptIdentifier().IsMatch(variable))
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, "var must be a JavaScript identifier");
            return;
        }
        var filter = new ProwJobQuery
        {
            Org = query["org"].ToString(),
            Repo = query["repo"].ToString(),
            Owner = query["owner"].ToString(),
            Omit = ProwJobRendering.ParseOmit(query["omit"].ToString()),
        };
        var items = await ListJobsAsync(grains, filter);

        http.Response.ContentType = variable.Length > 0 ? "application/javascript" : "application/json";
        var body = http.Response.BodyWriter;
        if (variable.Length > 0) body.Write(Encoding.UTF8.GetBytes($"var {variable} = "));
        body.Write(ItemsPrefix);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) body.Write(","u8);
            body.Write(items[i].Json);
            if (i % 256 == 255) await body.FlushAsync(http.RequestAborted);
        }
        body.Write(ItemsSuffix);
        if (variable.Length > 0) body.Write(";"u8);
        await body.FlushAsync(http.RequestAborted);
    }

    /// <summary>Every indexed job matching <paramref name="filter"/>, newest start first (ties: job name), as Deck sorts.</summary>
    public static async Task<List<ListedProwJob>> ListJobsAsync(IGrainFactory grains, ProwJobQuery filter)
    {
        var buckets = await grains.GetGrain<IProwJobIndexDirectoryGrain>(ProwJobIndexKeys.Directory).Buckets();
        var shards = await Task.WhenAll(buckets.Select(b => grains.GetGrain<IProwJobIndexGrain>(b).List(filter)));
        var items = new List<ListedProwJob>(shards.Sum(s => s.Count));
        foreach (var shard in shards) items.AddRange(shard);
        items.Sort(static (a, b) =>
        {
            var byTime = b.StartTime.CompareTo(a.StartTime);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Job, b.Job);
        });
        return items;
    }

    private static async Task GetAsync(HttpContext http, IGrainFactory grains)
    {
        NoCache(http);
        var (_, job) = await JobFromQueryAsync(http, grains, deckAbortStyle: false);
        if (job is null) return;
        await WriteTextAsync(http, StatusCodes.Status200OK, ProwJobJson.ToYaml(job));
    }

    private static async Task LogAsync(HttpContext http, IGrainFactory grains, DeckOptions options)
    {
        NoCache(http);
        http.Response.Headers.AccessControlAllowOrigin = "*";
        var query = http.Request.Query;
        var job = query["job"].ToString();
        var id = query["id"].ToString();
        var container = query["container"].ToString();
        if (job.Length == 0)
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, "request did not provide the 'job' query parameter");
            return;
        }
        if (id.Length == 0)
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, "request did not provide the 'id' query parameter");
            return;
        }
        if (container.Length > 0 && container != "test")
        {
            await WriteTextAsync(http, StatusCodes.Status404NotFound, $"Log not found: only the test container's log is kept, not {Clip(container)}'s");
            return;
        }
        if (job.Length > MaxNameLength)
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, $"job name is longer than {MaxNameLength} characters");
            return;
        }
        var name = await grains.GetGrain<IJobBuildsGrain>(job).Find(id);
        if (name is null)
        {
            await WriteTextAsync(http, StatusCodes.Status404NotFound, $"Log not found: no build {Clip(id)} of job {Clip(job)}");
            return;
        }
        var log = await grains.GetGrain<IProwJobGrain>(name).GetLog(options.MaxLogBytes);
        if (log is null)
        {
            await WriteTextAsync(http, StatusCodes.Status404NotFound, $"Log not found: build {Clip(id)} of job {Clip(job)} ({name}) has no log yet");
            return;
        }
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.Body.WriteAsync(log, http.RequestAborted);
    }

    private static async Task RerunAsync(HttpContext http, IGrainFactory grains, IConfigSource config, DeckOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        NoCache(http);
        var (name, job) = await JobFromQueryAsync(http, grains, deckAbortStyle: false);
        if (job is null) return;

        var snapshot = config.Current.Config;
        var factory = new ProwJobFactory(time);
        ProwJob rerun;
        if (http.Request.Query["mode"].ToString() == "latest")
        {
            var (spec, labels, annotations, error) = LatestSpec(snapshot, job);
            if (spec is null)
            {
                await WriteTextAsync(http, StatusCodes.Status400BadRequest, $"Could not create new prowjob: Failed getting prowjob spec: {error}");
                return;
            }
            rerun = factory.NewProwJob(spec, labels, annotations);
        }
        else
        {
            rerun = factory.NewProwJob(job.Spec, job.Metadata.Labels, job.Metadata.Annotations);
        }
        rerun.Metadata.Namespace = job.Metadata.Namespace;

        if (HttpMethods.IsGet(http.Request.Method))
        {
            await WriteTextAsync(http, StatusCodes.Status200OK, ProwJobJson.ToYaml(rerun));
            return;
        }
        if (!options.RerunCreatesJob)
        {
            await WriteTextAsync(http, StatusCodes.Status405MethodNotAllowed, "Direct rerun feature is not enabled. Enable with the '--rerun-creates-job' flag.");
            return;
        }
        if (!AllowAnyone(snapshot, rerun.Spec))
        {
            await WriteTextAsync(http, StatusCodes.Status403Forbidden, NotAllowedMessage);
            return;
        }
        rerun.Status.Description = $"Successfully reran {name}.";
        await grains.GetGrain<IProwJobGrain>(rerun.Name).Create(rerun);
        loggers.CreateLogger(typeof(ProwJobEndpoints)).LogInformation("Rerun of {ProwJob} created as {NewProwJob}", name, rerun.Name);
        await WriteTextAsync(http, StatusCodes.Status200OK, "Job successfully triggered. Wait 30 seconds and refresh the page for the job to show up.");
    }

    private static async Task AbortAsync(HttpContext http, IGrainFactory grains, IConfigSource config, ILoggerFactory loggers)
    {
        NoCache(http);
        var (name, job) = await JobFromQueryAsync(http, grains, deckAbortStyle: true);
        if (job is null) return;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await WriteTextAsync(http, StatusCodes.Status405MethodNotAllowed, $"bad verb {http.Request.Method}");
            return;
        }
        if (job.Status.State is not (ProwJobState.Triggered or ProwJobState.Pending))
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, $"Cannot abort job with state: \"{StateName(job.Status.State)}\".");
            return;
        }
        if (!AllowAnyone(config.Current.Config, job.Spec))
        {
            await WriteTextAsync(http, StatusCodes.Status403Forbidden, NotAllowedMessage);
            return;
        }
        var result = await grains.GetGrain<IProwJobGrain>(name).Abort($"Successfully aborted {name}.");
        if (!result.Aborted)
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest, result.Reason);
            return;
        }
        loggers.CreateLogger(typeof(ProwJobEndpoints)).LogInformation("Aborted {ProwJob}", name);
        await WriteTextAsync(http, StatusCodes.Status200OK, "Job successfully aborted.");
    }

    public const string NotAllowedMessage =
        "Could not verify if allowed to rerun: GitHub oauth must be configured to rerun jobs unless 'allow_anyone: true' is specified.";

    /// <summary>
    /// Deck's rule without a GitHub login: the job's own rerun_auth_config or the most specific
    /// matching deck.default_rerun_auth_configs entry must allow anyone.
    /// </summary>
    public static bool AllowAnyone(ProwConfig config, ProwJobSpec spec)
    {
        if (spec.RerunAuthConfig?.AllowAnyone == true) return true;
        var refs = spec.Refs ?? spec.ExtraRefs?.FirstOrDefault();
        var orgRepo = refs is null ? "" : $"{refs.Org}/{refs.Repo}";
        var allowAnyone = false;
        foreach (var entry in config.Deck.DefaultRerunAuthConfigs ?? [])
        {
            if (entry.Matches(orgRepo, spec.Cluster)) allowAnyone = entry.Config?.AllowAnyone == true;
        }
        return allowAnyone;
    }

    /// <summary>The job's spec rebuilt from the current config (Deck's rerun mode=latest).</summary>
    private static (ProwJobSpec? Spec, Dictionary<string, string>? Labels, Dictionary<string, string>? Annotations, string Error) LatestSpec(ProwConfig config, ProwJob job)
    {
        var name = job.Spec.Job;
        switch (job.Spec.Type)
        {
            case ProwJobType.Periodic:
                var periodic = config.Periodics.FirstOrDefault(p => p.Name == name);
                return periodic is null
                    ? (null, null, null, $"failed to find associated periodic job \"{name}\"")
                    : (ProwJobFactory.PeriodicSpec(periodic), periodic.Labels, periodic.Annotations, "");
            case ProwJobType.Presubmit when job.Spec.Refs is { } refs:
                var presubmit = config.Presubmits.GetValueOrDefault($"{refs.Org}/{refs.Repo}")?.FirstOrDefault(p => p.Name == name);
                return presubmit is null
                    ? (null, null, null, $"failed to find associated presubmit job \"{name}\" from orgRepo \"{refs.Org}/{refs.Repo}\"")
                    : (ProwJobFactory.PresubmitSpec(presubmit, refs), presubmit.Labels, presubmit.Annotations, "");
            case ProwJobType.Postsubmit when job.Spec.Refs is { } refs:
                var postsubmit = config.Postsubmits.GetValueOrDefault($"{refs.Org}/{refs.Repo}")?.FirstOrDefault(p => p.Name == name);
                return postsubmit is null
                    ? (null, null, null, $"failed to find associated postsubmit job \"{name}\" from orgRepo \"{refs.Org}/{refs.Repo}\"")
                    : (ProwJobFactory.PostsubmitSpec(postsubmit, refs), postsubmit.Labels, postsubmit.Annotations, "");
            default:
                return (null, null, null, $"Could not create new prowjob: Invalid prowjob type: \"{job.Spec.Type}\"");
        }
    }

    /// <summary>
    /// The job named by <c>?prowjob=</c>; answers 400 (no name) or 404 (no such job) itself and returns a null job.
    /// Deck's /abort words the same messages with a capital and a full stop.
    /// </summary>
    private static async Task<(string Name, ProwJob? Job)> JobFromQueryAsync(HttpContext http, IGrainFactory grains, bool deckAbortStyle)
    {
        var name = http.Request.Query["prowjob"].ToString();
        var end = deckAbortStyle ? "." : "";
        if (name.Length == 0)
        {
            await WriteTextAsync(http, StatusCodes.Status400BadRequest,
                (deckAbortStyle ? "Request" : "request") + " did not provide the 'prowjob' query parameter" + end);
            return (name, null);
        }
        var job = await FindAsync(grains, name);
        if (job is null)
            await WriteTextAsync(http, StatusCodes.Status404NotFound, $"ProwJob not found: prowjobs.prow.k8s.io \"{Clip(name)}\" not found{end}");
        return (name, job);
    }

    private static async Task<ProwJob?> FindAsync(IGrainFactory grains, string name) =>
        name.Length > MaxNameLength ? null : await grains.GetGrain<IProwJobGrain>(name).Get();

    private static string StateName(ProwJobState? state) => state switch
    {
        null => "",
        _ => state.Value.ToString().ToLowerInvariant(),
    };

    private static string Clip(string value) => value.Length <= 100 ? value : value[..100] + "…";

    private static void NoCache(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
        http.Response.Headers.Pragma = "no-cache";
        http.Response.Headers.Expires = "0";
    }

    private static async Task WriteTextAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text.EndsWith('\n') ? text : text + "\n", http.RequestAborted);
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex JavaScriptIdentifier();
}
