using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Hosting;

/// <summary>
/// The client's real address behind a proxy: <c>X-Forwarded-For</c> is taken from the
/// <see cref="GatewayOptions.TrustedProxies"/> only. ASP.NET Core's defaults are cleared (they
/// trust loopback), and with no proxy configured the middleware is not used at all: empty lists
/// would mean "trust every proxy", and any caller could choose its own address.
/// </summary>
public static class TrustedProxyExtensions
{
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .Validate(o => o.TrustedProxies.All(IsAddressOrNetwork), "DroneDelivery:Gateway:TrustedProxies: every entry must be an IP address or a network such as 10.0.0.0/8.");
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<GatewayOptions>>((forwarded, gateway) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The older list still holds the loopback default and is still consulted.
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var entry in gateway.Value.TrustedProxies)
            {
                if (IPAddress.TryParse(entry, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else if (System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });
        return builder;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static bool IsAddressOrNetwork(string entry) =>
        IPAddress.TryParse(entry, out _) || System.Net.IPNetwork.TryParse(entry, out _);
}
