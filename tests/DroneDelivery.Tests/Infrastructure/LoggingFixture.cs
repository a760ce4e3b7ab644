namespace DroneDelivery.Tests.Infrastructure;

/// <summary>A system of one silo and a gateway logging JSON, every entry of both hosts recorded at Trace.</summary>
public sealed class LoggingFixture : IAsyncLifetime
{
    internal LogRecorder Logs { get; } = new();

    internal DroneDeliveryCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: false, Logs.AddTo, "--DroneDelivery:Logging:Format=Json");

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
