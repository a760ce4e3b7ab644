using Microsoft.Extensions.Logging;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>The scopes a recorded entry was written in, handed again to a console formatter.</summary>
internal sealed class ReplayedScopes(IReadOnlyList<object?> scopes) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state)
    {
        foreach (var scope in scopes)
        {
            callback(scope, state);
        }
    }

    public IDisposable Push(object? state) => throw new NotSupportedException("Replayed scopes are read-only.");
}
