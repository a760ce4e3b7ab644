using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry of every category of the hosts it is added to, with the scopes open at
/// the time, as the hosts' real providers receive them; Trace and up, whatever the hosts' levels.
/// </summary>
internal sealed class LogRecorder
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    /// <summary>Adds a recording provider to a host: one per host, since each host has its own scopes.</summary>
    public void AddTo(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(new Provider(_records));
        builder.Logging.AddFilter<Provider>(null, LogLevel.Trace);
    }

    private sealed class Provider(ConcurrentQueue<LogRecord> records) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<LogRecord> Records { get; } = records;

        public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Recorder(Provider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<object?>();
                provider._scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
                var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
                provider.Records.Enqueue(new LogRecord(category, logLevel, eventId, formatter(state, exception), [.. values], scopes, exception));
            }
        }
    }
}
