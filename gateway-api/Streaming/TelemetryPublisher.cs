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
    /// Publishes each drone's fixes in order; drones in parallel. Positions go to the drone's
    /// stream as one item per run between events (at most <see cref="TelemetryStreams.MaxFixesPerItem"/>
    /// fixes), which the drone takes in in one turn. A fix with an event goes to the drone itself
    /// and is awaited until stored: a stream queue may die with its silo, and an event (picked up,
    /// delivered) is not superseded by the next fix the way a position is. So a batch is accepted
    /// only once its events are taken in, and a refused one is sent again.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<TelemetryFix> fixes)
    {
        var provider = client.GetStreamProvider(TelemetryStreams.ProviderName);
        await Task.WhenAll(fixes.GroupBy(f => f.DroneId, StringComparer.Ordinal).Select(async drone =>
        {
            var stream = provider.GetStream<TelemetryFix>(StreamId.Create(TelemetryStreams.Namespace, drone.Key));
            var positions = new List<TelemetryFix>();
            foreach (var fix in drone.OrderBy(f => f.At))
            {
                if (fix.Event is null)
                {
                    positions.Add(fix);
                    if (positions.Count == TelemetryStreams.MaxFixesPerItem)
                    {
                        await PublishPositionsAsync(stream, positions);
                    }

                    continue;
                }

                await PublishPositionsAsync(stream, positions);
                await client.GetGrain<IDroneGrain>(drone.Key).ReportEventAsync(fix);
            }

            await PublishPositionsAsync(stream, positions);
        }));
    }

    /// <summary>One stream item for the run of positions so far, then an empty run.</summary>
    private static async Task PublishPositionsAsync(IAsyncStream<TelemetryFix> stream, List<TelemetryFix> positions)
    {
        if (positions.Count == 0)
        {
            return;
        }

        await stream.OnNextBatchAsync(positions.ToArray());
        positions.Clear();
    }

    private async Task<bool> IsKnownAsync(string droneId)
    {
        var key = "drone-known:" + droneId;
        if (cache.TryGetValue(key, out bool known))
        {
            return known;
        }

        known = await client.GetGrain<IDroneGrain>(droneId).GetAvailabilityAsync() is not null;
        cache.Set(key, known, known ? KnownLifetime : UnknownLifetime);
        return known;
    }
}
