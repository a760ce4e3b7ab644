using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using Microsoft.Extensions.Caching.Memory;
using Orleans.Streams;

namespace DroneDelivery.GatewayApi.Streaming;

/// <summary>
/// Publishes fixes to the telemetry stream of each drone. Fixes of unknown drones are refused
/// before anything is published; which drones exist is remembered briefly so a steady flow of
/// telemetry costs no extra grain call per fix.
/// </summary>
public sealed class TelemetryPublisher(IClusterClient client, IMemoryCache cache)
{
    private static readonly TimeSpan KnownLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromSeconds(5);

    /// <summary>The indexes of fixes whose drone was never registered.</summary>
    public async Task<IReadOnlyList<int>> FindUnknownDronesAsync(IReadOnlyList<TelemetryFix> fixes)
    {
        var ids = fixes.Select(f => f.DroneId).Distinct(StringComparer.Ordinal).ToList();
        var known = await Task.WhenAll(ids.Select(IsKnownAsync));
        var unknown = ids.Where((_, i) => !known[i]).ToHashSet(StringComparer.Ordinal);
        return [.. fixes.Select((f, i) => (f, i)).Where(x => unknown.Contains(x.f.DroneId)).Select(x => x.i)];
    }

    /// <summary>
    /// Publishes each drone's fixes in order; drones in parallel. A drone's fixes up to its last
    /// event go to the drone itself, in one call awaited until the changes they make are stored: a
    /// stream queue may die with its silo, and an event (picked up, delivered) is not superseded by
    /// the next fix the way a position is. The positions before an event travel with it, so it can
    /// never overtake them. So a batch is accepted only once its events are taken in, and a
    /// refused one is sent again. The positions after the last event go to the drone's stream, one
    /// <see cref="TelemetryBatch"/> per <see cref="TelemetryStreams.MaxFixesPerItem"/> fixes, each
    /// taken in in one turn.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<TelemetryFix> fixes)
    {
        var provider = client.GetStreamProvider(TelemetryStreams.ProviderName);
        await Task.WhenAll(fixes.GroupBy(f => f.DroneId, StringComparer.Ordinal).Select(async drone =>
        {
            var ordered = drone.OrderBy(f => f.At).ToArray();
            var direct = Array.FindLastIndex(ordered, f => f.Event is not null) + 1;
            if (direct > 0)
            {
                await client.Reference<IDroneGrain>(drone.Key).ReportFixesAsync(ordered[..direct]);
            }

            var stream = provider.GetStream<TelemetryBatch>(StreamId.Create(TelemetryStreams.Namespace, drone.Key));
            foreach (var item in ordered[direct..].Chunk(TelemetryStreams.MaxFixesPerItem))
            {
                try
                {
                    await stream.OnNextAsync(TelemetryBatch.Of(drone.Key, item));
                }
                catch (InvalidOperationException e) when (IsQueueFull(e))
                {
                    throw new TelemetryStreamFullException(e);
                }
            }
        }));
    }

    /// <summary>
    /// What a memory stream's queue grain throws at its limit of items (16,384), told apart by its
    /// message since the type is a plain <see cref="InvalidOperationException"/>: any other stays a 500.
    /// </summary>
    internal static bool IsQueueFull(InvalidOperationException exception) =>
        exception.Message.StartsWith("Can not enqueue since the count has reached its maximum", StringComparison.Ordinal);

    private async Task<bool> IsKnownAsync(string droneId)
    {
        var key = "drone-known:" + droneId;
        if (cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        known = await client.Reference<IDroneGrain>(droneId).GetAvailabilityAsync() is not null;
        cache.Set(key, known, known ? KnownLifetime : UnknownLifetime);
        return known;
    }
}
