using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Tests.Infrastructure;
using Orleans.TestingHost;

namespace DroneDelivery.Tests.Unit;

/// <summary><see cref="GrainReferences.Reference"/> against Orleans' own GetGrain, in silo and client.</summary>
public sealed class GrainReferencesTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InMemoryCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public void Every_reference_is_the_one_GetGrain_gives_for_its_interface_and_key()
    {
        var factories = new[] { _cluster.Client, _cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>() };
        foreach (var grains in factories)
        {
            // Asked twice: once Orleans resolves the types, after that they are reused.
            foreach (var key in new[] { "dlv-1", "dlv-2", "dlv-1" })
            {
                AssertSame(grains.GetGrain<IDeliveryGrain>(key), grains.Reference<IDeliveryGrain>(key));

                // The outbox shares the delivery's key: the grain type must still be its own.
                AssertSame(grains.GetGrain<IWebhookOutboxGrain>(key), grains.Reference<IWebhookOutboxGrain>(key));
                AssertSame(grains.GetGrain<IPackageGrain>(key), grains.Reference<IPackageGrain>(key));
            }
        }
    }

    [Fact]
    public async Task A_call_through_a_reference_reaches_the_grain_of_that_key()
    {
        foreach (var id in new[] { "ref-a", "ref-b" })
        {
            await _cluster.Client.Reference<IDroneGrain>(id).RegisterAsync(new DroneSpec(id, 5, 15, 40, new Location(1, 1)));
        }

        Assert.Equal("ref-a", (await _cluster.Client.GetGrain<IDroneGrain>("ref-a").GetAsync()).Spec.Model);
        Assert.Equal("ref-b", (await _cluster.Client.Reference<IDroneGrain>("ref-b").GetAsync()).Spec.Model);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_key_is_refused_as_GetGrain_refuses_it(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => _cluster.Client.GetGrain<IDroneGrain>(key));
        Assert.ThrowsAny<ArgumentException>(() => _cluster.Client.Reference<IDroneGrain>(key));
    }

    private static void AssertSame<TGrain>(TGrain expected, TGrain actual)
        where TGrain : IGrainWithStringKey
    {
        var want = (GrainReference)(object)expected;
        var got = (GrainReference)(object)actual;
        Assert.Equal(want.GrainId, got.GrainId);
        Assert.Equal(want.InterfaceType, got.InterfaceType);
        Assert.IsAssignableFrom<TGrain>(actual);
    }
}
