using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Ports;
using Prow.Silo.Hosting;
using Prow.Silo.Storage.Sqlite;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;
using Prow.TestSupport.Webhooks;

// Trigger latency benchmark: the all-in-one host (SQLite under a temp data dir, trigger enabled) gets one signed
// pull_request "opened" webhook per pull request at a steady rate; for each PR it measures, from the 200 of /hook,
// the time until its ProwJob is created (IProwJobGrain.Create returned, seen by a grain call filter) and until the
// fake GitHub receives the job's first pending status (timestamped by the fake when the POST arrives).
var prs = Arg("--prs", 1000);
var rate = Arg("--rate", 30);
var warmup = Arg("--warmup", 300); // past most of the JIT's tier-up, which takes a quarter to half of the CPU in the first minute
var timeout = TimeSpan.FromSeconds(Arg("--timeout", 120));
// --sync normal: SQLite synchronous=NORMAL instead of the host's FULL (an experiment: how much is commit latency).
var syncEveryCommit = !args.Contains("normal");
const string org = "Codertocat", repo = "Hello-World", author = "Codertocat", secret = "bench-secret", job = "pull-bench-unit";
const int numberPlaceholder = 987654321;
const string shaPlaceholder = "0000000000000000000000000000000000c0ffee";

await using var github = await FakeGitHubServer.StartAsync();
github.SetRateLimit(10_000_000, DateTimeOffset.UtcNow.AddDays(1), limit: 10_000_000);
github.AddRepo(org, repo, defaultBranch: "master");
github.AddMember(org, author);
string HeadSha(int number) => FakeGitHubServer.Sha($"bench-pr-{number}");
var numberOfSha = new Dictionary<string, int>(StringComparer.Ordinal);
for (var n = 1; n <= warmup + prs; n++)
{
    github.AddPullRequest(org, repo, n, author: author, headSha: HeadSha(n), baseRef: "master");
    numberOfSha[HeadSha(n)] = n;
}

var payload = WebhookExamples.Get("pull_request", "opened");
payload["number"] = numberPlaceholder;
payload["pull_request"]!["number"] = numberPlaceholder;
payload["pull_request"]!["draft"] = false;
payload["pull_request"]!["head"]!["sha"] = shaPlaceholder;
var template = payload.ToJsonString();
string PayloadFor(int number) => template
    .Replace(numberPlaceholder.ToString(CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
    .Replace(shaPlaceholder, HeadSha(number), StringComparison.Ordinal);

// When each PR's ProwJob was created: the moment its grain's Create call returned (persisted).
var created = new ConcurrentDictionary<int, long>();
var createCalled = new ConcurrentDictionary<int, long>();
var headIndexed = new ConcurrentDictionary<int, long>();
using var dir = new TempDirectory("prow-trigger-bench");
var options = new ProwHostOptions
{
    Config = new ConfigPaths(
        dir.Write("config.yaml", $$"""
            prowjob_namespace: prow
            presubmits:
              {{org}}/{{repo}}:
              - name: {{job}}
                always_run: true
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """),
        null,
        dir.Write("plugins.yaml", $"plugins:\n  {org}:\n    plugins: [trigger]\n")),
    Port = 0,
    ListenAddress = "127.0.0.1",
    DataDir = dir.Combine("data"),
    SiloPort = FreePorts.Next(),
    OrleansGatewayPort = FreePorts.Next(),
    HmacSecretFile = dir.Write("hmac", secret),
    GitHubEndpoints = [github.Endpoint],
    GitHubTokenPath = dir.Write("oauth", "bench-token\n"),
};
var load = ConfigLoader.Load(options.Config, strict: false, DateTimeOffset.UtcNow);
var prow = ProwHost.Build(options, load.Snapshot ?? throw new InvalidOperationException(string.Join("\n", load.Diagnostics)), silo =>
{
    silo.Services.Replace(ServiceDescriptor.Singleton<IBuildClusters>(new Prow.Bench.RunningBuildCluster()));
    if (!syncEveryCommit)
    {
        silo.Services.Configure<SqliteStorageOptions>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, o => o.SyncEveryCommit = false);
        silo.Services.Configure<SqliteReminderOptions>(o => o.SyncEveryCommit = false);
    }
    silo.AddIncomingGrainCallFilter(async call =>
    {
        var pull = call.InterfaceMethod?.DeclaringType == typeof(IProwJobGrain) && call.MethodName == nameof(IProwJobGrain.Create)
            && call.Request.GetArgument(0) is ProwJob { Spec.Refs.Pulls: [var first, ..] } ? first : null;
        if (pull is not null) createCalled.TryAdd(pull.Number, Stopwatch.GetTimestamp());
        await call.Invoke();
        if (pull is not null) created.TryAdd(pull.Number, Stopwatch.GetTimestamp());
        if (call.MethodName == nameof(Prow.Abstractions.Repos.IRepoGrain.IndexHead) && call.Request.GetArgument(0) is int indexed) headIndexed.TryAdd(indexed, Stopwatch.GetTimestamp());
    });
});
await prow.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(prow.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };

var sent = new long[warmup + prs + 1];
var accepted = new long[warmup + prs + 1];
var errors = 0;

// Open loop: PR n is sent at its scheduled time whatever the earlier ones are doing.
async Task SendAllAsync(int first, int count)
{
    var interval = TimeSpan.FromSeconds(1.0 / rate);
    var clock = Stopwatch.StartNew();
    var sends = new List<Task>(count);
    for (var i = 0; i < count; i++)
    {
        var wait = interval * i - clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
        var number = first + i;
        sends.Add(Task.Run(async () =>
        {
            using var request = SignedWebhook.Create("pull_request", PayloadFor(number), secret, Guid.NewGuid().ToString());
            sent[number] = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK) accepted[number] = Stopwatch.GetTimestamp();
                else Interlocked.Increment(ref errors);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
        }));
    }
    await Task.WhenAll(sends);
}

// The first pending status the fake received for each PR's head.
Dictionary<int, long> PendingStatuses()
{
    var pending = new Dictionary<int, long>();
    foreach (var request in github.Requests)
    {
        if (request.Method != "POST" || request.Status != 201 || !request.Path.StartsWith($"/repos/{org}/{repo}/statuses/", StringComparison.Ordinal)) continue;
        if ((string?)request.Json!["state"] != "pending" || !numberOfSha.TryGetValue(request.Path[(request.Path.LastIndexOf('/') + 1)..], out var number)) continue;
        pending.TryAdd(number, request.ReceivedAt);
    }
    return pending;
}

async Task<Dictionary<int, long>> UntilAllPendingAsync(int first, int count)
{
    var clock = Stopwatch.StartNew();
    while (true)
    {
        var pending = PendingStatuses();
        var done = Enumerable.Range(first, count).Count(pending.ContainsKey);
        if (done == count || clock.Elapsed > timeout)
        {
            if (done < count) Console.WriteLine($"warning: only {done}/{count} PRs got a pending status within {timeout.TotalSeconds:0} s");
            return pending;
        }
        await Task.Delay(200);
    }
}

await SendAllAsync(1, warmup);
await UntilAllPendingAsync(1, warmup);

var wall = Stopwatch.StartNew();
await SendAllAsync(warmup + 1, prs);
var statuses = await UntilAllPendingAsync(warmup + 1, prs);
wall.Stop();

var measured = Enumerable.Range(warmup + 1, prs).ToList();
double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
var acceptMs = measured.Where(n => accepted[n] != 0).Select(n => Ms(sent[n], accepted[n])).ToList();
var toCreated = measured.Where(n => accepted[n] != 0 && created.ContainsKey(n)).Select(n => Ms(accepted[n], created[n])).ToList();
var toCreateCall = measured.Where(n => accepted[n] != 0 && createCalled.ContainsKey(n)).Select(n => Ms(accepted[n], createCalled[n])).ToList();
var toIndexed = measured.Where(n => accepted[n] != 0 && headIndexed.ContainsKey(n)).Select(n => Ms(accepted[n], headIndexed[n])).ToList();
var createCall = measured.Where(n => created.ContainsKey(n) && createCalled.ContainsKey(n)).Select(n => Ms(createCalled[n], created[n])).ToList();
var createdToPending = measured.Where(n => created.ContainsKey(n) && statuses.ContainsKey(n)).Select(n => Ms(created[n], statuses[n])).ToList();
var toPending = measured.Where(n => accepted[n] != 0 && statuses.ContainsKey(n)).Select(n => Ms(accepted[n], statuses[n])).ToList();

Console.WriteLine($"trigger latency: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, SQLite storage (synchronous={(syncEveryCommit ? "FULL" : "NORMAL")}), " +
    $"{prs} PRs (after {warmup} warm-up) at {rate}/s in {wall.Elapsed.TotalSeconds:0.0} s, {errors} errors, {github.Requests.Count} GitHub requests in all");
Console.WriteLine("| interval | PRs | p50 ms | p90 ms | p99 ms | max ms | target |");
Console.WriteLine("|---|---|---|---|---|---|---|");
Console.WriteLine(Row("send → 200 from /hook", acceptMs, "—"));
Console.WriteLine(Row("200 → ProwJob created", toCreated, "p50 ≤ 50, p99 ≤ 250"));
Console.WriteLine(Row("200 → pending status on GitHub", toPending, "p50 ≤ 50, p99 ≤ 250"));
Console.WriteLine("parts:");
Console.WriteLine(Row("200 → the repository's head index updated", toIndexed, ""));
Console.WriteLine(Row("200 → trigger calls IProwJobGrain.Create", toCreateCall, ""));
Console.WriteLine(Row("IProwJobGrain.Create call", createCall, ""));
Console.WriteLine(Row("Create returned → pending status on GitHub", createdToPending, ""));

await prow.StopAsync();
return errors == 0 && toPending.Count == prs ? 0 : 1;

static string Row(string name, List<double> values, string target)
{
    values.Sort();
    double P(double p) => values.Count == 0 ? double.NaN : values[(int)Math.Clamp(Math.Ceiling(p * values.Count) - 1, 0, values.Count - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"| {name} | {values.Count} | {P(0.5):0.0} | {P(0.9):0.0} | {P(0.99):0.0} | {(values.Count == 0 ? double.NaN : values[^1]):0.0} | {target} |");
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
