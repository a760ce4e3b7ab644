using System.Text.Json.Nodes;
using DroneDelivery.GatewayApi.Errors;
using DroneDelivery.GatewayApi.Streaming;
using DroneDelivery.Tests.Infrastructure;
using Orleans.Providers;

namespace DroneDelivery.Tests.Unit;

/// <summary>Failures of a grain call seen by the gateway after a silo died, or a full telemetry stream: 503 with Retry-After, never 500 (found by the fault tests and the bench).</summary>
public sealed class ClusterUnavailabilityTests
{
    [Fact]
    public void A_call_the_runtime_gave_up_on_during_placement_is_unavailability()
    {
        var expired = new OperationCanceledException("Message expired before placement could complete for grain delivery/d-1.");

        Assert.True(ClusterUnavailability.IsUnavailable(expired));
    }

    [Fact]
    public void A_telemetry_stream_at_its_limit_asks_the_sender_to_retry()
    {
        // What the memory stream's queue grain threw, through the gateway's telemetry endpoint, at 10,000 drones in the bench.
        var full = new TelemetryStreamFullException(new InvalidOperationException("Can not enqueue since the count has reached its maximum of 16384"));

        Assert.True(ClusterUnavailability.IsUnavailable(full));
        Assert.False(ClusterUnavailability.IsUnavailable(new InvalidOperationException("Any other broken invariant stays a 500.")));
    }

    [Fact]
    public async Task Only_the_memory_stream_queue_at_its_limit_is_taken_for_a_full_stream()
    {
        // Orleans' own queue grain, filled to its limit outside a silo: its real exception, message and all.
        var queue = new MemoryStreamQueueGrain();
        var full = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            for (var i = 0; i <= 16_384; i++)
            {
                await queue.Enqueue(default);
            }
        });

        Assert.True(TelemetryPublisher.IsQueueFull(full));
        Assert.False(TelemetryPublisher.IsQueueFull(new InvalidOperationException("Collection was modified; enumeration operation may not execute.")));
    }

    [Fact]
    public void The_gateway_can_load_the_storage_exceptions_a_grain_call_may_end_in()
    {
        // Loaded by the gateway process from its own dependencies, not from this test's, which include the silo's.
        var deps = Path.Combine(Path.GetDirectoryName(RepositoryPaths.BuiltAssembly("gateway-api", "DroneDelivery.GatewayApi"))!, "DroneDelivery.GatewayApi.deps.json");
        var libraries = JsonNode.Parse(File.ReadAllText(deps))!["libraries"]!.AsObject();

        Assert.Contains(libraries, library => library.Key.StartsWith("Microsoft.Orleans.Persistence.AzureStorage/", StringComparison.Ordinal));
        Assert.True(ClusterUnavailability.IsUnavailable(new Orleans.Storage.TableStorageUpdateConditionNotSatisfiedException("The ETag changed.")));
    }
}
