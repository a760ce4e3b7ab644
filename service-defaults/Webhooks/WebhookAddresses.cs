using System.Net;
using System.Net.Sockets;

namespace DroneDelivery.ServiceDefaults.Webhooks;

/// <summary>
/// Which addresses a webhook may reach. A webhook URL is chosen by a business, so without this
/// guard it could point the silos at their own network: loopback, the cluster's private ranges, or
/// the cloud metadata endpoint at 169.254.169.254.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>True for an address on the public internet; false for loopback, private, link-local, unique-local, unspecified, multicast and reserved ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    /// <summary>
    /// Why a webhook URL is refused under <paramref name="options"/>, or null when it is acceptable.
    /// Only the literal host is judged here; names are resolved, and judged again, when connecting.
    /// </summary>
    public static string? Refusal(Uri url, WebhookOptions options)
    {
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && options.AllowHttp))
        {
            return options.AllowHttp ? "Must be an http or https URL." : "Must be an https URL.";
        }

        if (options.AllowPrivateTargets)
        {
            return null;
        }

        var host = url.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "Must not point at localhost.";
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && !IsPublic(address)
            ? "Must not point at a loopback, private, link-local or otherwise non-public address."
            : null;
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                       // 0.0.0.0/8 "this network", incl. unspecified
        || b[0] == 10                                   // 10.0.0.0/8 private
        || (b[0] == 100 && (b[1] & 0xC0) == 64)         // 100.64.0.0/10 carrier-grade NAT
        || b[0] == 127                                  // 127.0.0.0/8 loopback
        || (b[0] == 169 && b[1] == 254)                 // 169.254.0.0/16 link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)         // 172.16.0.0/12 private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)      // 192.0.0.0/24 protocol assignments
        || (b[0] == 192 && b[1] == 168)                 // 192.168.0.0/16 private
        || (b[0] == 198 && (b[1] & 0xFE) == 18)         // 198.18.0.0/15 benchmarking
        || b[0] >= 224);                                // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback))
        {
            return false;
        }

        // ::/96, the old IPv4-compatible form, and 64:ff9b::/96 NAT64 carry an IPv4 address: judge that one.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0
            || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0))
        {
            return IsPublicV4(b[12..]);
        }

        return !(
            (b[0] & 0xFE) == 0xFC                       // fc00::/7 unique-local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)  // fe80::/10 link-local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)  // fec0::/10 site-local (deprecated)
            || b[0] == 0xFF                             // ff00::/8 multicast
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)); // 2001:db8::/32 documentation
    }
}
