using Microsoft.Extensions.Logging;

namespace KaizalaBot.BotFramework.Tests.Support.Protocol;

/// <summary>Keeps every log entry (level, rendered message, structured values) for assertions.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        lock (_gate)
        {
            _entries.Add(new LogEntry(logLevel, formatter(state, exception), values.ToDictionary(kv => kv.Key, kv => kv.Value)));
        }
    }

    internal sealed record LogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);
}
