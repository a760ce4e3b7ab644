using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>One request a <see cref="WebhookReceiver"/> got, as it came over the wire, and how it was answered.</summary>
internal sealed record ReceivedWebhook(byte[] Body, string Signature, string Id, string Timestamp, int Answered)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string EventId => Json["eventId"]!.GetValue<string>();

    public string Stage => Json["stage"]!.GetValue<string>();

    /// <summary>What a receiver does: the HMAC-SHA256 of the raw body with the secret, compared in constant time.</summary>
    public bool IsSignedWith(string secret)
    {
        var expected = Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Signature));
    }
}
