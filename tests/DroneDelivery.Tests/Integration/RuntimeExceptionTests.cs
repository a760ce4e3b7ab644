using DroneDelivery.GatewayApi.Errors;
using DroneDelivery.Tests.Infrastructure;
using Orleans.Serialization;
using Polly.Timeout;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// Exceptions Orleans' runtime throws in a silo reach the gateway as themselves. Its placement
/// timeout, seen when every silo restarts at once, carries a Polly exception inside; a gateway that
/// got a serialization failure in its place answered 500 instead of 503 with Retry-After.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RuntimeExceptionTests(ClusterFixture fixture)
{
    [Fact]
    public void Orleans_placement_timeout_written_by_a_silo_is_read_by_the_gateway_as_a_timeout_that_it_answers_with_503()
    {
        var placementTimeout = new TimeoutException(
            "Grain placement operation timed out for grain drone/sim-007.",
            new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:30'.", TimeSpan.FromSeconds(30)));
        var silo = fixture.Cluster.SiloServices.First().GetRequiredService<Serializer>();
        var gateway = fixture.Cluster.GatewayServices.GetRequiredService<Serializer>();

        var received = gateway.Deserialize<Exception>(silo.SerializeToArray<Exception>(placementTimeout));

        var timeout = Assert.IsType<TimeoutException>(received);
        Assert.Equal(placementTimeout.Message, timeout.Message);
        Assert.IsType<TimeoutRejectedException>(timeout.InnerException);
        Assert.True(ClusterUnavailability.IsUnavailable(received));
    }
}
