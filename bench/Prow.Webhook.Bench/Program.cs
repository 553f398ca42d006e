using System.Globalization;
using System.Text;
using Prow.Abstractions.Config;
using Prow.Silo.Hosting;
using Prow.TestSupport;
using Prow.TestSupport.Webhooks;
using Prow.Webhook.Bench;

// Webhook ingest benchmark: the real /hook in all-in-one mode (SQLite under a temp data dir)
// against a bare Kestrel endpoint that only verifies the HMAC, same machine, same generator, same run.
var rate = Arg("--rate", 500);
var seconds = Arg("--seconds", 20);
var concurrency = Arg("--concurrency", 32);
var pullRequests = Arg("--prs", 1000);
// Long enough for tiered JIT to finish optimising the hot paths on 2 busy cores (a server runs for days; with a
// 3 s warm-up, profiles still showed Tier-0 frames on the /hook path).
var warmup = Arg("--warmup", 15);
const string secret = "bench-secret";
var secretBytes = Encoding.UTF8.GetBytes(secret);

var payload = WebhookExamples.Get("issue_comment", "created");
payload["issue"]!["number"] = 987654321;
var template = payload.ToJsonString();
if (!template.Contains(LoadGenerator.NumberPlaceholder, StringComparison.Ordinal)) throw new InvalidOperationException("payload template lacks the number placeholder");

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
var bare = await BareEndpoint.StartAsync(secretBytes);

var targets = new (string Name, Uri Url)[] { ("bare HMAC endpoint", new Uri(bare.Urls.First())), ("prow /hook (all-in-one, SQLite)", new Uri(prow.Urls.First())) };
var rows = new List<string>();
var costs = new List<string>();
var throughput = new Dictionary<string, double>();
foreach (var (name, url) in targets)
{
    var generator = new LoadGenerator(url, template, secretBytes, pullRequests);
    await generator.ClosedLoopAsync(concurrency, TimeSpan.FromSeconds(warmup));
    // CPU time and allocation per delivery (whole process: the generator's share is the same for both targets)
    // move less with other load on the machine than throughput does.
    var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
    var closed = await generator.ClosedLoopAsync(concurrency, TimeSpan.FromSeconds(seconds));
    var cpuPerRequest = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(closed.Requests, 1);
    var kbPerRequest = (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / 1024.0 / Math.Max(closed.Requests, 1);
    costs.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {cpuPerRequest:0.000} | {kbPerRequest:0} |"));
    var open = rate > 0 ? await generator.OpenLoopAsync(rate, TimeSpan.FromSeconds(seconds)) : new LoadGenerator.Result(0, 0, 0, []); // --rate 0: closed loop only
    throughput[name] = closed.Throughput;
    rows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {closed.Throughput:0} | {closed.Percentile(0.5):0.0} | {closed.Percentile(0.99):0.0} | {closed.Errors} | {rate} | {open.Percentile(0.5):0.0} | {open.Percentile(0.99):0.0} | {open.Errors} |"));
}

Console.WriteLine($"webhook ingest: {Environment.ProcessorCount} cores, {warmup}s warm-up, {seconds}s per phase, closed loop {concurrency} concurrent, open loop {rate}/s, {pullRequests} PRs, .NET {Environment.Version}");
Console.WriteLine("| target | max req/s (closed loop) | p50 ms | p99 ms | errors | open-loop rate req/s | p50 ms | p99 ms | errors |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var row in rows) Console.WriteLine(row);
Console.WriteLine();
Console.WriteLine("| target (closed loop, whole process) | CPU ms per request | KB allocated per request |");
Console.WriteLine("|---|---|---|");
foreach (var cost in costs) Console.WriteLine(cost);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (prow / bare, closed-loop throughput): {throughput[targets[1].Name] / throughput[targets[0].Name]:0.00}"));

await bare.StopAsync();
await prow.StopAsync();
return 0;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
