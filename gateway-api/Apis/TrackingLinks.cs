using DroneDelivery.GatewayApi.Hosting;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Apis;

/// <summary>Builds the customer's tracking link of a delivery.</summary>
public sealed class TrackingLinks(IOptions<GatewayOptions> options, IHttpContextAccessor http)
{
    public string For(string deliveryId, string trackingToken)
    {
        var request = http.HttpContext?.Request;
        var baseUrl = options.Value.PublicBaseUrl?.TrimEnd('/')
            ?? (request is null ? "" : $"{request.Scheme}://{request.Host}");
        return $"{baseUrl}/track/{Uri.EscapeDataString(deliveryId)}?t={Uri.EscapeDataString(trackingToken)}";
    }
}
