using Azure.Storage.Queues;
using DroneDelivery.Bench.Infrastructure;
using DroneDelivery.Bench.Load;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using Orleans.Streams;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Raw Azure queue messages against the same Azurite, at the same concurrency: each sent, then
/// deleted with its receipt, two requests as every stream item costs (its send by the gateway and
/// its delete by the silo, which also reads up to 32 at a time). What the queue service alone
/// allows, with no gateway or grain in the way. Each message is the one the gateway's telemetry
/// stream would send for a request of the run: one drone's batch, made by the stream's own data
/// adapter, so it has the same bytes. Spread over as many queues as the stream's, and kept as
/// short as the stream's: Azurite slows as a queue grows.
/// </summary>
public static class QueueMessageCeiling
{
    public static async Task<(Measurement Messages, int MessageBytes)> RunAsync(
        BenchSystem system, string droneId, int fixesPerItem, int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var message = TelemetryMessage(system.GatewayServices, droneId, fixesPerItem);
        var service = new QueueServiceClient(system.StorageConnectionString);
        var queues = Enumerable.Range(0, system.TelemetrySettings.Partitions).Select(i => service.GetQueueClient($"bench-queue-messages-{i}")).ToArray();
        foreach (var queue in queues)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        var messages = await ClosedLoop.RunAsync("ceiling-queue-message", "message", concurrency, warmup, duration, async (worker, ct) =>
        {
            var queue = queues[worker % queues.Length];
            var sent = (await queue.SendMessageAsync(message, ct)).Value;
            await queue.DeleteMessageAsync(sent.MessageId, sent.PopReceipt, ct);
            return Outcome.Ok;
        });

        foreach (var queue in queues)
        {
            await queue.DeleteAsync(cancellationToken);
        }

        return (messages, message.Length);
    }

    /// <summary>A telemetry stream item of <paramref name="fixes"/> fixes of <paramref name="droneId"/> as the gateway's stream puts it on its queue, found as Orleans finds it.</summary>
    private static string TelemetryMessage(IServiceProvider gateway, string droneId, int fixes)
    {
        var adapter = gateway.GetKeyedService<IQueueDataAdapter<string, IBatchContainer>>(TelemetryStreams.ProviderName)
            ?? gateway.GetRequiredService<IQueueDataAdapter<string, IBatchContainer>>();
        var at = DateTimeOffset.UtcNow;
        var batch = TelemetryBatch.Of(droneId, [.. Enumerable.Range(0, fixes).Select(i =>
        {
            var position = BenchArea.PointNear(0, 3);
            return new TelemetryFix(droneId, at.AddMilliseconds(i), position.Lat, position.Lon, 120, 15, 90, 80);
        })]);
        return adapter.ToQueueMessage(StreamId.Create(TelemetryStreams.Namespace, droneId), [batch], null, null);
    }
}
