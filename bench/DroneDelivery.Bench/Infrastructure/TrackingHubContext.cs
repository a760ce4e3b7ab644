using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;

namespace DroneDelivery.Bench.Infrastructure;

/// <summary>
/// The gateway's tracking hub context, for the bench's broadcast ceiling. The hub class is
/// internal to the gateway, so it is found through the endpoint mapped at its path; the context
/// interface is covariant, so the context of that hub is a context of <see cref="Hub"/>.
/// </summary>
public static class TrackingHubContext
{
    public static IHubContext<Hub> Find(IServiceProvider services, string hubPath)
    {
        var hubType = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(hubPath, StringComparison.Ordinal) == true)
            .Select(e => e.Metadata.GetMetadata<HubMetadata>()?.HubType)
            .FirstOrDefault(t => t is not null)
            ?? throw new InvalidOperationException($"The gateway maps no hub at {hubPath}.");
        return (IHubContext<Hub>)services.GetRequiredService(typeof(IHubContext<>).MakeGenericType(hubType));
    }
}
