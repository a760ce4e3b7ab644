using Microsoft.Extensions.Logging;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>One log entry as a host wrote it: its values, the scopes open at the time and the exception.</summary>
internal sealed record LogRecord(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> Values,
    IReadOnlyList<object?> Scopes,
    Exception? Exception)
{
    /// <summary>Everything of the entry a log sink could write: message, values, scopes (as text and as values) and exception.</summary>
    public string FullText => string.Join(
        "\n",
        new[] { Category, Message, Exception?.ToString() }
            .Concat(Values.Select(v => $"{v.Key}={v.Value}"))
            .Concat(Scopes.Select(s => s?.ToString()))
            .Concat(Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).Select(v => $"{v.Key}={v.Value}")));

    /// <summary>The value a scope gives <paramref name="name"/>, or null.</summary>
    public object? Scope(string name) =>
        Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).FirstOrDefault(v => v.Key == name).Value;
}
