using System.Collections.Concurrent;
using Orleans;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A silo call filter that loses everything the telemetry stream delivers to chosen drones, as a
/// silo that dies with its stream queues does: only what reaches the drone another way arrives.
/// </summary>
internal sealed class StreamFixDropper : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, bool> _armed = new(StringComparer.Ordinal);
    private int _dropped;

    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Every stream delivery to <paramref name="droneId"/> from now on is lost.</summary>
    public void Drop(string droneId) => _armed[droneId] = true;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.MethodName is "DeliverImmutable" or "DeliverBatch"
            && _armed.ContainsKey(context.TargetId.Key.ToString()!))
        {
            Interlocked.Increment(ref _dropped);
            return Task.CompletedTask;
        }

        return context.Invoke();
    }
}
