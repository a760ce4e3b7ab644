using System.Net;
using System.Net.Sockets;
using DroneDelivery.ServiceDefaults.Webhooks;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Webhooks;

/// <summary>
/// The webhook client's connect step: resolves the host itself and connects only to the public
/// addresses it resolved. Checking the URL at registration is not enough: a name can resolve to a
/// private address, or to a public one at registration and a private one later (DNS rebinding).
/// Judging the very address the socket connects to closes both.
/// </summary>
public sealed class WebhookConnectGuard(IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var host = endpoint.Host.Trim('[', ']');
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = options.Value.AllowPrivateTargets ? resolved : [.. resolved.Where(WebhookAddresses.IsPublic)];
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"Refused: {endpoint.Host} has no public address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
