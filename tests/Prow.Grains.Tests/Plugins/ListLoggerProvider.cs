using Microsoft.Extensions.Logging;

namespace Prow.Grains.Tests.Plugins;

/// <summary>Collects log entries (level, category, message, exception) so tests can assert on what was logged.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries
    {
        get { lock (_lock) return [.. _entries]; }
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose() { }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lock) owner._entries.Add((logLevel, category, formatter(state, exception), exception));
        }
    }
}
