using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Prow.Abstractions.Config;
using Prow.Gateway.Webhooks;
using Prow.Silo.Hosting;

namespace Prow.Silo.Cli;

/// <summary>
/// Runs the all-in-one host until SIGTERM/SIGINT. Startup problems (bad flag, missing or invalid
/// configuration, port in use, unwritable data dir) are printed as one clear line each, with a
/// non-zero exit code: 2 for a bad command line, 1 for everything else.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var flags = new ServeFlags();
        ProwHostOptions options;
        try
        {
            options = flags.Parse(args);
        }
        catch (HelpRequestedException)
        {
            stdout.WriteLine("Usage: prow [flags]            run the all-in-one Prow host");
            stdout.WriteLine("       prow checkconfig [flags] validate configuration");
            stdout.WriteLine(flags.Usage());
            return 0;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"prow: {ex.Message}");
            stderr.WriteLine("Run 'prow --help' for the flags.");
            return 2;
        }

        if (options.HmacSecretFile is { } hmacFile)
        {
            try
            {
                HmacSecrets.Parse(File.ReadAllText(hmacFile), hmacFile);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"prow: --hmac-secret-file: {ex.Message}");
                return 1;
            }
        }

        var load = ConfigLoader.Load(options.Config, options.Strict, DateTimeOffset.UtcNow);
        foreach (var diagnostic in load.Diagnostics) stderr.WriteLine(diagnostic.Severity == Abstractions.Config.Yaml.DiagnosticSeverity.Error ? diagnostic.ToString() : $"{diagnostic} (warning)");
        if (load.Snapshot is null)
        {
            stderr.WriteLine($"prow: configuration is invalid ({load.Errors.Count()} error(s)); not starting");
            return 1;
        }

        WebApplication app;
        try
        {
            app = ProwHost.Build(options, load.Snapshot);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"prow: --data-dir {options.DataDir}: {ex.Message}");
            return 1;
        }
        catch (BuildClusterConfigurationException ex)
        {
            stderr.WriteLine($"prow: {ex.Message}");
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (Exception ex) when (StartupFailure(ex, options) is { } message)
            {
                stderr.WriteLine($"prow: {message}");
                return 1;
            }
            stdout.WriteLine($"prow: serving on http://{(options.ListenAddress == "0.0.0.0" ? "localhost" : options.ListenAddress)}:{BoundPort(app) ?? options.Port} " +
                             $"(config {options.Config.ConfigPath}, data {Path.GetFullPath(options.DataDir)})");
            await app.WaitForShutdownAsync();
        }
        return 0;
    }

    public static int? BoundPort(WebApplication app) =>
        app.Urls.Select(u => Uri.TryCreate(u.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost"), UriKind.Absolute, out var uri) ? uri.Port : (int?)null).FirstOrDefault();

    /// <summary>A one-line explanation for the failures a user can fix, or null to let the exception surface.</summary>
    private static string? StartupFailure(Exception ex, ProwHostOptions options)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AddressInUseException:
                    return $"--port {options.Port}: address {options.ListenAddress}:{options.Port} is already in use";
                case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                    return $"an Orleans port is already in use (--silo-port {options.SiloPort}, --orleans-gateway-port {options.OrleansGatewayPort}): {e.Message}";
                case SocketException { SocketErrorCode: SocketError.AddressNotAvailable }:
                    return $"--listen-address {options.ListenAddress}: {e.Message}";
                case UnauthorizedAccessException or IOException when e.Message.Contains(options.DataDir, StringComparison.Ordinal):
                    return $"--data-dir {options.DataDir}: {e.Message}";
            }
        }
        return ex is IOException io && io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
            ? $"--port {options.Port}: {io.Message}"
            : null;
    }
}
