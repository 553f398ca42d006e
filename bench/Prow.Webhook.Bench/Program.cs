using System.Globalization;
using System.Text;
using Prow.Abstractions;
using Prow.Abstractions.Config;
using Prow.Abstractions.Repos;
using Prow.Silo.Hosting;
using Prow.TestSupport;
using Prow.TestSupport.Webhooks;
using Prow.Webhook.Bench;

// Webhook ingest benchmark: the real /hook in all-in-one mode (SQLite under a temp data dir)
// against a bare Kestrel endpoint that only verifies the HMAC, same machine, same generator, same run.
var rate = Arg("--rate", 500);
var seconds = Arg("--seconds", 10);
var roundCount = Math.Max(1, Arg("--rounds", 5));
var concurrency = Arg("--concurrency", 32);
var pullRequests = Arg("--prs", 1000);
// Long enough for tiered JIT to finish optimising the hot paths on 2 busy cores (a server runs for days; with a
// 3 s warm-up, profiles still showed Tier-0 frames on the /hook path).
var warmup = Arg("--warmup", 15);
const string secret = "bench-secret";
var secretBytes = Encoding.UTF8.GetBytes(secret);

// --event status: status events for one repository whose head index holds --prs open pull requests (one of them with the
// event's SHA), the most frequent webhook, accepted by the repository grain and handed on to that pull request.
var eventType = ArgText("--event", "issue_comment");
string template;
if (eventType == "issue_comment")
{
    var payload = WebhookExamples.Get("issue_comment", "created");
    payload["issue"]!["number"] = 987654321;
    template = payload.ToJsonString();
    if (!template.Contains(LoadGenerator.NumberPlaceholder, StringComparison.Ordinal)) throw new InvalidOperationException("payload template lacks the number placeholder");
}
else if (eventType == "status") template = WebhookExamples.Get("status").ToJsonString();
else throw new ArgumentException($"--event {eventType}: expected issue_comment or status");

using var dir = new TempDirectory("prow-webhook-bench");
var options = new ProwHostOptions
{
    Config = new ConfigPaths(dir.Write("config.yaml", "prowjob_namespace: prow\n"), null,
        dir.Write("plugins.yaml", "plugins:\n  Codertocat:\n    plugins: [hold]\n")),
    Port = 0,
    ListenAddress = "127.0.0.1",
    DataDir = dir.Combine("data"),
    SiloPort = FreePorts.Next(),
    OrleansGatewayPort = FreePorts.Next(),
    HmacSecretFile = dir.Write("hmac", secret),
};
var load = ConfigLoader.Load(options.Config, strict: false, DateTimeOffset.UtcNow);
var prow = ProwHost.Build(options, load.Snapshot ?? throw new InvalidOperationException(string.Join("\n", load.Diagnostics)));
await prow.StartAsync();
if (eventType == "status")
{
    var status = WebhookExamples.Get("status");
    var repo = prow.Services.GetRequiredService<IGrainFactory>().GetRepoGrain(new RepoKey("Codertocat", "Hello-World"));
    await repo.IndexHead(1, null, (string)status["sha"]!);
    for (var n = 2; n <= pullRequests; n++) await repo.IndexHead(n, null, n.ToString("x40", CultureInfo.InvariantCulture));
}
var bare = await BareEndpoint.StartAsync(secretBytes);
// For comparison, not the target: the bare endpoint plus one durable write of the body through the host's own SQLite
// grain storage (the floor of what /hook's durable accept can cost with this storage).
var durable = await BareEndpoint.StartAsync(secretBytes,
    prow.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));

var targets = new (string Name, Uri Url)[]
{
    ("bare HMAC endpoint", new Uri(bare.Urls.First())),
    ("prow /hook (all-in-one, SQLite)", new Uri(prow.Urls.First())),
    ("bare HMAC endpoint + durable write of the body (SQLite)", new Uri(durable.Urls.First())),
};
var generators = targets.Select(t => new LoadGenerator(t.Url, eventType, template, secretBytes, pullRequests)).ToArray();
foreach (var generator in generators) await generator.ClosedLoopAsync(concurrency, TimeSpan.FromSeconds(warmup));

// The targets take turns, round after round, so a change in the machine's other load (2 shared cores) falls on both:
// each round's ratio compares two phases measured seconds apart, and the medians ignore an odd round.
var rounds = new List<Round>[targets.Length];
for (var t = 0; t < targets.Length; t++) rounds[t] = [];
for (var round = 0; round < roundCount; round++)
{
    for (var t = 0; t < targets.Length; t++)
    {
        // CPU time and allocation per delivery (whole process: the generator's share is the same for both targets)
        // move less with other load on the machine than throughput does.
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var closed = await generators[t].ClosedLoopAsync(concurrency, TimeSpan.FromSeconds(seconds));
        var requests = Math.Max(closed.Requests, 1);
        rounds[t].Add(new Round(closed,
            (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / requests,
            (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / 1024.0 / requests));
    }
}

Console.WriteLine($"webhook ingest ({eventType}): {Environment.ProcessorCount} cores, {warmup}s warm-up, {roundCount} rounds of {seconds}s per target, closed loop {concurrency} concurrent, open loop {rate}/s, {pullRequests} PRs, .NET {Environment.Version}");
Console.WriteLine("| target | closed loop req/s (median; each round) | p50 ms | p99 ms | CPU ms per request | KB allocated per request | errors | open-loop rate req/s | p50 ms | p99 ms | errors |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
for (var t = 0; t < targets.Length; t++)
{
    var median = rounds[t].OrderBy(r => r.Closed.Throughput).ElementAt(roundCount / 2);
    var open = rate > 0 ? await generators[t].OpenLoopAsync(rate, TimeSpan.FromSeconds(seconds)) : new LoadGenerator.Result(0, 0, 0, []); // --rate 0: closed loop only
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {targets[t].Name} | {median.Closed.Throughput:0} ({string.Join(", ", rounds[t].Select(r => r.Closed.Throughput.ToString("0", CultureInfo.InvariantCulture)))}) | {median.Closed.Percentile(0.5):0.0} | {median.Closed.Percentile(0.99):0.0} | {Median(rounds[t].Select(r => r.CpuMs)):0.000} | {Median(rounds[t].Select(r => r.Kb)):0} | {rounds[t].Sum(r => r.Closed.Errors)} | {rate} | {open.Percentile(0.5):0.0} | {open.Percentile(0.99):0.0} | {open.Errors} |"));
}
PrintRatio("prow / bare, closed-loop throughput of the same round", 1, 0);
PrintRatio("prow / bare + durable write, same round", 1, 2);

await bare.StopAsync();
await durable.StopAsync();
await prow.StopAsync();
return 0;

void PrintRatio(string label, int numerator, int denominator)
{
    var ratios = Enumerable.Range(0, roundCount).Select(r => rounds[numerator][r].Closed.Throughput / rounds[denominator][r].Closed.Throughput).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ratio ({label}): median {Median(ratios):0.00} (rounds: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})"));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

string ArgText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record Round(LoadGenerator.Result Closed, double CpuMs, double Kb);
