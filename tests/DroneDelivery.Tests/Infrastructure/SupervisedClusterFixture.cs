namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A cluster of its own whose drones are taken for lost after <see cref="SilenceTimeout"/>
/// without a fix, and whose cells' watches (reminders) may tick that often, so the drones'
/// supervisors act within a test's patience.
/// </summary>
public sealed class SupervisedClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan SilenceTimeout = TimeSpan.FromSeconds(3);

    internal DroneDeliveryCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: false, $"--DroneDelivery:Drones:SilenceTimeout={SilenceTimeout}");

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
