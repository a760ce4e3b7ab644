using System.Security.Cryptography;
using System.Text;

namespace DroneDelivery.Grains.Webhooks;

/// <summary>
/// The webhook signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body bytes,
/// keyed with the UTF-8 bytes of the business's webhook secret as it was handed out.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Signature";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
