using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Ports;
using Prow.Silo.Hosting;
using Prow.TestSupport;

// ProwJob benchmark: create --jobs ProwJobs through their grains in the all-in-one host (SQLite under a
// temp dir), wait until every one is pending, measure memory, then time /prowjobs.js; then grow to --then
// jobs and time the listing again.
var jobs = Arg("--jobs", 10_000);
var then = Arg("--then", 50_000);
var concurrency = Arg("--concurrency", 64);
var listRuns = Arg("--list-runs", 10);

using var dir = new TempDirectory("prow-jobs-bench");
var options = new ProwHostOptions
{
    Config = new ConfigPaths(dir.Write("config.yaml", "prowjob_namespace: prow\n"), null, dir.Write("plugins.yaml", "plugins: {}\n")),
    Port = 0,
    ListenAddress = "127.0.0.1",
    DataDir = dir.Combine("data"),
    SiloPort = FreePorts.Next(),
    OrleansGatewayPort = FreePorts.Next(),
};
var load = ConfigLoader.Load(options.Config, strict: false, DateTimeOffset.UtcNow);
var cluster = new Prow.Bench.RunningBuildCluster();
var prow = ProwHost.Build(options, load.Snapshot ?? throw new InvalidOperationException(string.Join("\n", load.Diagnostics)),
    silo => silo.Services.Replace(ServiceDescriptor.Singleton<IBuildClusters>(cluster)));
await prow.StartAsync();
var grains = prow.Services.GetRequiredService<IGrainFactory>();
using var http = new HttpClient { BaseAddress = new Uri(prow.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };

var factory = new ProwJobFactory(TimeProvider.System);
var podSpec = JsonNode.Parse("""{"containers":[{"image":"gcr.io/k8s-testimages/kubekins-e2e:v20240801-master","command":["runner.sh"],"args":["make","test"],"resources":{"requests":{"cpu":"2","memory":"4Gi"}}}]}""")!.AsObject();
ProwJob NewJob(int i)
{
    var spec = new ProwJobSpec
    {
        Type = ProwJobType.Presubmit,
        Agent = ProwJobAgents.Kubernetes,
        Job = $"pull-bench-unit-{i % 50}",
        Context = $"pull-bench-unit-{i % 50}",
        Report = true,
        RerunCommand = $"/test pull-bench-unit-{i % 50}",
        Refs = new Refs
        {
            Org = "bench-org", Repo = $"repo-{i % 20}", BaseRef = "main", BaseSha = "0123456789abcdef0123456789abcdef01234567",
            Pulls = [new Pull { Number = i, Author = $"author-{i % 100}", Sha = "89abcdef0123456789abcdef0123456789abcdef", Title = "A change" }],
        },
        PodSpec = (JsonObject)podSpec.DeepClone(),
    };
    var job = factory.NewProwJob(spec, new Dictionary<string, string> { ["event-GUID"] = Guid.NewGuid().ToString() });
    job.Metadata.Namespace = "prow";
    return job;
}

async Task<(double Seconds, double PerSecond)> CreateAsync(int from, int count)
{
    var next = from;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (true)
        {
            var i = Interlocked.Increment(ref next) - 1;
            if (i >= from + count) return;
            var job = NewJob(i);
            await grains.GetGrain<IProwJobGrain>(job.Name).Create(job);
        }
    }));
    clock.Stop();
    return (clock.Elapsed.TotalSeconds, count / clock.Elapsed.TotalSeconds);
}

async Task<double> UntilPendingAsync(int expected)
{
    var clock = Stopwatch.StartNew();
    while (true)
    {
        var listed = await Prow.Gateway.Endpoints.ProwJobEndpoints.ListJobsAsync(grains, new ProwJobQuery { Omit = ProwJobOmit.All });
        var pending = listed.Count(l => System.Text.Encoding.UTF8.GetString(l.Json).Contains("\"state\":\"pending\"", StringComparison.Ordinal));
        if (listed.Count >= expected && pending >= expected) return clock.Elapsed.TotalSeconds;
        if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"{pending}/{expected} pending after 10 minutes");
        await Task.Delay(500);
    }
}

async Task<(double P50, double Max, long Bytes)> ListAsync(string query)
{
    // First request: check the listing (every job, parsed) and warm the shards; it is not timed.
    var first = System.Text.Json.Nodes.JsonNode.Parse(await http.GetByteArrayAsync("/prowjobs.js" + query))!["items"]!.AsArray().Count;
    Console.WriteLine($"listing{query}: {first} items");
    var times = new List<double>();
    long bytes = 0;
    var buffer = new byte[64 * 1024];
    for (var run = 0; run < listRuns; run++)
    {
        // Timed requests read the body as a browser would, without keeping it: the client's own
        // buffering of a 60 MB body would otherwise be measured with the server.
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("/prowjobs.js" + query, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0) bytes += read;
        clock.Stop();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return (times[times.Count / 2], times[^1], bytes);
}

long Heap()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}

var rows = new List<string>();
var baseline = Heap();
var (createSeconds, createRate) = await CreateAsync(0, jobs);
var pendingSeconds = await UntilPendingAsync(jobs);
var withGrains = Heap();
var management = grains.GetGrain<IManagementGrain>(0);
await management.ForceActivationCollection(TimeSpan.Zero);
var indexOnly = Heap();

const string deckQuery = "?omit=annotations,labels,decoration_config,pod_spec";
var deck10 = await ListAsync(deckQuery);
var full10 = await ListAsync("");
rows.Add(Row(jobs, deck10, full10));

var (growSeconds, growRate) = await CreateAsync(jobs, then - jobs);
await UntilPendingAsync(then);
var deck50 = await ListAsync(deckQuery);
var full50 = await ListAsync("");
rows.Add(Row(then, deck50, full50));

string Row(int n, (double P50, double Max, long Bytes) deck, (double P50, double Max, long Bytes) full) => string.Create(CultureInfo.InvariantCulture,
    $"| {n} | {deck.P50:0} | {deck.Max:0} | {deck.Bytes / 1048576.0:0.0} | {full.P50:0} | {full.Max:0} | {full.Bytes / 1048576.0:0.0} |");

Console.WriteLine($"prowjobs: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {concurrency} concurrent creators, SQLite storage");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"created {jobs} jobs in {createSeconds:0.0} s = {createRate:0} jobs/s; all pending {pendingSeconds:0.0} s later; next {then - jobs} at {growRate:0} jobs/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"managed heap per job: {(withGrains - baseline) / (double)jobs / 1024:0.0} KiB with its grain active, {(indexOnly - baseline) / (double)jobs / 1024:0.0} KiB once grains are deactivated (index entry); grain alone ≈ {(withGrains - indexOnly) / (double)jobs / 1024:0.0} KiB"));
Console.WriteLine("| jobs | /prowjobs.js Deck omit p50 ms | max ms | MiB | full p50 ms | max ms | MiB |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var row in rows) Console.WriteLine(row);

await prow.StopAsync();

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
