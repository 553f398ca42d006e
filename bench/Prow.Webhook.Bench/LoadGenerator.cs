using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Prow.Webhook.Bench;

/// <summary>
/// Sends signed deliveries of one event type, each a new delivery ID; issue comments are spread over many pull requests.
/// Closed loop (fixed concurrency, as fast as answered) for throughput; open loop (fixed arrival
/// rate, latency measured from the scheduled send time so a stall is not hidden) for latency.
/// </summary>
public sealed class LoadGenerator(Uri baseAddress, string eventType, string payloadTemplate, byte[] secret, int pullRequests)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public const string NumberPlaceholder = "\"number\":987654321";

    private long _sequence;

    public sealed record Result(int Requests, int Errors, double Seconds, double[] LatenciesMs)
    {
        public double Throughput => Requests / Seconds;
        public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[(int)Math.Min(LatenciesMs.Length - 1, Math.Ceiling(p * LatenciesMs.Length) - 1)];
    }

    public async Task<Result> ClosedLoopAsync(int concurrency, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await SendAsync()) Interlocked.Increment(ref errors);
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length, errors, stopwatch.Elapsed.TotalSeconds, all);
    }

    public async Task<Result> OpenLoopAsync(int ratePerSecond, TimeSpan duration)
    {
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var interval = TimeSpan.FromSeconds(1.0 / ratePerSecond);
        var stopwatch = Stopwatch.StartNew();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = interval * i;
            var wait = scheduled - stopwatch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                if (!await SendAsync()) Interlocked.Increment(ref errors);
                latencies[index] = (stopwatch.Elapsed - scheduled).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(tasks);
        return new Result(total, errors, stopwatch.Elapsed.TotalSeconds, [.. latencies.Order()]);
    }

    private async Task<bool> SendAsync()
    {
        var n = Interlocked.Increment(ref _sequence);
        var number = (int)(n % pullRequests) + 1;
        var body = Encoding.UTF8.GetBytes(payloadTemplate.Replace(NumberPlaceholder, $"\"number\":{number}", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventType);
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)));
        try
        {
            using var response = await _http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
