using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// One started process: no stdin (as a pod container), stdout and stderr pumped line by line to a
/// sink, its whole process tree killed on cancellation.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _pumps;

    private ChildProcess(Process process, Action<string> sink)
    {
        _process = process;
        Id = process.Id;
        StartedAt = StartTimeOf(process) ?? DateTimeOffset.UtcNow;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput, sink), PumpAsync(process.StandardError, sink));
    }

    public int Id { get; }

    /// <summary>The OS's start time of the process, to recognise it again by id after a host restart.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> (no shell). The
    /// environment is the host's with <paramref name="environment"/> over it (a null value removes the variable). Throws
    /// <see cref="Win32Exception"/> when the program cannot be started (not found, not executable).
    /// </summary>
    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, string workingDirectory,
        IEnumerable<KeyValuePair<string, string?>> environment, Action<string> sink)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new Win32Exception($"{fileName} did not start");
        process.StandardInput.Close();
        return new ChildProcess(process, sink);
    }

    /// <summary>
    /// Waits for the exit and for the output to be read (at most <paramref name="drainTimeout"/>
    /// after the exit). Cancelling kills the whole tree, then still waits for the exit.
    /// </summary>
    public async Task<int> WaitAsync(TimeSpan drainTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(KillTree))
        {
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        try
        {
            await _pumps.WaitAsync(drainTimeout, time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // A background child still holds the pipes; its output is not the run's any more.
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the process and every descendant still attached to it; a process already gone is fine.</summary>
    public void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already exited, or a descendant vanished while the tree was walked.
        }
    }

    /// <summary>
    /// Kills the process tree of <paramref name="processId"/> if that id still names the process that
    /// started at <paramref name="startedAt"/> (ids are reused); used for runs of an earlier host.
    /// </summary>
    public static bool KillTreeIfSame(int processId, DateTimeOffset startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (StartTimeOf(process) is not { } actual || (actual - startedAt).Duration() > TimeSpan.FromSeconds(2)) return false;
            process.Kill(entireProcessTree: true);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    public void Dispose() => _process.Dispose();

    private static DateTimeOffset? StartTimeOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> sink)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line) sink(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe went away with the process.
        }
    }
}
