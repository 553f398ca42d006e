using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Hosting;

/// <summary>The real executable as a user runs it: startup errors, and graceful shutdown on SIGTERM.</summary>
public sealed class HostProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record Run(Process Process, StringWriter Stdout, StringWriter Stderr);

    private static Run Launch(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "prow.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Run(process, stdout, stderr);
    }

    private static async Task<int> Exit(Run run)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await run.Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            run.Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"prow did not exit; stdout: {run.Stdout} stderr: {run.Stderr}");
        }
        run.Process.WaitForExit(); // flush redirected output
        return run.Process.ExitCode;
    }

    private string[] HostArgs(int port) =>
    [
        "--config-path", _dir.Write("config.yaml", "prowjob_namespace: prow\n"),
        "--port", port.ToString(), "--listen-address", "127.0.0.1", "--data-dir", _dir.Combine("data"),
        "--silo-port", FreePorts.Next().ToString(), "--orleans-gateway-port", FreePorts.Next().ToString(),
    ];

    [Fact]
    public async Task Sigterm_RunningHost_ShutsDownGracefullyWithExitCodeZero()
    {
        var port = FreePorts.Next();
        var run = Launch(HostArgs(port));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Eventually.Until(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK ? (object)true : null,
                TimeSpan.FromSeconds(60), "the host to become ready");

            using (var kill = Process.Start("kill", ["-TERM", run.Process.Id.ToString()])) await kill.WaitForExitAsync();

            Assert.Equal(0, await Exit(run));
            Assert.Contains("serving on http://127.0.0.1:", run.Stdout.ToString());
        }
        finally
        {
            if (!run.Process.HasExited) run.Process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task PortInUse_ExitsOneWithClearMessage()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var run = Launch(HostArgs(port));

        Assert.Equal(1, await Exit(run));
        Assert.Contains($"prow: --port {port}: address 127.0.0.1:{port} is already in use", run.Stderr.ToString());
    }

    [Fact]
    public async Task MissingConfigFile_ExitsOneNamingTheFile()
    {
        var missing = _dir.Combine("missing.yaml");
        var run = Launch("--config-path", missing, "--data-dir", _dir.Combine("data"));

        Assert.Equal(1, await Exit(run));
        var stderr = run.Stderr.ToString();
        Assert.Contains($"{missing}:0: --config-path: file not found", stderr);
        Assert.Contains("configuration is invalid", stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [Fact]
    public async Task BadFlag_ExitsTwoNamingTheFlag()
    {
        var run = Launch("--no-such-flag");

        Assert.Equal(2, await Exit(run));
        Assert.Contains("prow: unknown flag -no-such-flag", run.Stderr.ToString());
    }
}
