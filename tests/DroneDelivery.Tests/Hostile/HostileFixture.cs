using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// A cluster of its own for the hostile suite: generated requests register drones at the poles and
/// on the antimeridian, issue keys and cancel deliveries, which must not leak into other tests' fleet.
/// </summary>
public sealed class HostileFixture : IAsyncLifetime
{
    internal DroneDeliveryCluster Cluster { get; private set; } = null!;

    internal HostileWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await DroneDeliveryCluster.StartAsync(silos: 1);
        World = await HostileWorld.CreateAsync(Cluster);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileFixture>
{
    public const string Name = "Hostile";
}
