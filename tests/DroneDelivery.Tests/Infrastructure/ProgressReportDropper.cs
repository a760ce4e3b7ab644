using System.Collections.Concurrent;
using DroneDelivery.GrainInterfaces.Model;
using Orleans;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A silo call filter that loses chosen drone reports on their way to a delivery, as a silo that
/// is stopping drops one-way messages: the delivery never hears of them unless it asks again.
/// </summary>
internal sealed class ProgressReportDropper : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string DeliveryId, DroneProgressKind Kind), bool> _armed = new();
    private int _dropped;

    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>Every report of <paramref name="kind"/> sent to <paramref name="deliveryId"/> from now on is lost.</summary>
    public void Drop(string deliveryId, DroneProgressKind kind) => _armed[(deliveryId, kind)] = true;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.MethodName == "OnDroneProgressAsync"
            && context.Request.GetArgument(0) is DroneProgress progress
            && _armed.ContainsKey((context.TargetId.Key.ToString()!, progress.Kind)))
        {
            Interlocked.Increment(ref _dropped);
            return Task.CompletedTask;
        }

        return context.Invoke();
    }
}
