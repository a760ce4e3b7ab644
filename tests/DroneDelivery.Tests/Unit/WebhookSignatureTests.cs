using System.Text;
using DroneDelivery.Grains.Webhooks;

namespace DroneDelivery.Tests.Unit;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_the_body_keyed_with_the_secret() =>
        // The published HMAC-SHA256 example (key "key").
        Assert.Equal(
            "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
            WebhookSignature.Sign("key", Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog")));

    [Fact]
    public void A_changed_body_or_secret_changes_the_signature()
    {
        var body = Encoding.UTF8.GetBytes("""{"eventId":"d1.0","stage":"Requested"}""");
        var signature = WebhookSignature.Sign("secret", body);
        Assert.NotEqual(signature, WebhookSignature.Sign("secret2", body));
        Assert.NotEqual(signature, WebhookSignature.Sign("secret", Encoding.UTF8.GetBytes("""{"eventId":"d1.0","stage":"Delivered"}""")));
    }
}
