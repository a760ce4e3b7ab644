using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DroneDelivery.ServiceDefaults.Operator;

namespace DroneDelivery.GatewayApi.Auth;

/// <summary>
/// Short-lived operator tickets for what a browser can't send a header to: a WebSocket carries
/// its credentials in the query string, where a real key must never go (query strings end up in
/// proxies' logs). A ticket is <c>{expiry}.{HMAC}</c>, signed with a key derived from the
/// operator keys, so any gateway of the deployment accepts a ticket another one issued.
/// </summary>
public sealed class OperatorTickets(OperatorKeys keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public (string Ticket, DateTimeOffset ExpiresAt) Issue()
    {
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return ($"{expiry}.{Signature(expiry)}", expiresAt);
    }

    public bool IsValid(string ticket)
    {
        var dot = ticket.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || ticket.Length > 128
            || !long.TryParse(ticket.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(ticket[..dot]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(ticket[(dot + 1)..]));
    }

    private string Signature(string expiry) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(keys.TicketSigningKey, Encoding.ASCII.GetBytes("operator-ticket|" + expiry)));
}
