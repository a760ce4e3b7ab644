namespace DroneDelivery.Tests.Infrastructure;

/// <summary>One running system shared by the tests of <see cref="ClusterCollection"/>; each test makes its own businesses, drones and places.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    internal DroneDeliveryCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await DroneDeliveryCluster.StartAsync(silos: 2);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
