using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Bench;
using Prow.Grains.Ports;
using Prow.Silo.Hosting;
using Prow.Silo.Storage.Sqlite;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;
using Prow.TestSupport.Webhooks;
using var dir = new TempDirectory("prow-trigger-bench");
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
