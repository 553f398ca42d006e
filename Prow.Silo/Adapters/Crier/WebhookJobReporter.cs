using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Crier;

/// <summary>
/// Our generic reporter: every state change of a job (of the configured types) is POSTed as the ProwJob's JSON
/// (Prow's field names) to each URL, with <c>X-Prow-Event: prowjob</c>, <c>X-Prow-Job-State</c>,
/// <c>X-Prow-Delivery</c> (job name and state, stable across retries, for receivers to de-duplicate) and, with a
/// secret, <c>X-Prow-Signature-256: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> as GitHub signs its webhooks.
/// A state counts as reported once every URL answered 2xx; any other answer or a network failure throws and the
/// grain retries. URLs that already took the state are remembered in memory and skipped by the retries, so a
/// URL gets a state twice only if the silo restarts (or the job's grain moves) between a partial delivery and
/// its retry.
/// </summary>
public sealed partial class WebhookJobReporter(IHttpClientFactory http, WebhookReporterOptions options, ILogger<WebhookJobReporter>? logger = null) : IJobReporter
{
    public const string ReporterName = "webhook-reporter";
    public const string HttpClientName = "webhook-reporter";
    public const string SignatureHeader = "X-Prow-Signature-256";

    private const int MaxRemembered = 10_000;

    private readonly ILogger _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private readonly SecretFile? _secret = options.HmacSecretFile is { } path ? new SecretFile(path) : null;

    /// <summary>(job, state) → the URLs that took it, while some have not.</summary>
    private readonly ConcurrentDictionary<(string Job, ProwJobState State), ConcurrentDictionary<string, bool>> _delivered = new();

    public string Name => ReporterName;

    public bool ShouldReport(ProwJob job, ProwConfig config) =>
        job.Status.State is not (null or ProwJobState.Scheduling)
        && (options.JobTypes.Count == 0 || (job.Spec.Type is { } type && options.JobTypes.Contains(type)));

    public async Task ReportAsync(ProwJob job, ProwConfig config, CancellationToken cancellationToken)
    {
        var state = job.Status.State!.Value;
        if (options.DryRun)
        {
            LogDryRun(job.Name, ProwJobStateMachine.Name(state), options.Urls.Count);
            return;
        }
        var body = Encoding.UTF8.GetBytes(ProwJobJson.Serialize(job));
        var signature = _secret is null ? null : Sign(_secret.ReadForReport(), body);
        var key = (job.Name, state);
        if (_delivered.Count > MaxRemembered) _delivered.Clear(); // only partial deliveries are kept; losing them only repeats a POST
        foreach (var stale in _delivered.Keys.Where(k => k.Job == job.Name && k.State != state))
        {
            // The job moved on before an earlier state reached every URL: that state is not sent any more.
            _delivered.TryRemove(stale, out _);
        }
        var done = _delivered.GetOrAdd(key, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        var failures = new List<string>();
        TimeSpan? retryAfter = null;
        foreach (var url in options.Urls.Where(u => !done.ContainsKey(u)))
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add("X-Prow-Event", "prowjob");
                request.Headers.Add("X-Prow-Job-State", ProwJobStateMachine.Name(state));
                request.Headers.Add("X-Prow-Delivery", $"{job.Name}:{ProwJobStateMachine.Name(state)}");
                if (signature is not null) request.Headers.Add(SignatureHeader, signature);
                using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    done[url] = true;
                    continue;
                }
                failures.Add($"{url} answered {(int)response.StatusCode}");
                if (RetryAfterHeader.Of(response, DateTimeOffset.UtcNow) is { } after && (retryAfter is null || after > retryAfter)) retryAfter = after;
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{url}: {e.Message}");
            }
        }
        if (failures.Count > 0) throw new JobReportException(string.Join("; ", failures), retryAfter);
        _delivered.TryRemove(key, out _);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "dry run: not sending state {State} of ProwJob {Name} to {Count} webhook URL(s)")]
    private partial void LogDryRun(string name, string state, int count);

    /// <summary>GitHub's webhook signature format: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body.</summary>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
