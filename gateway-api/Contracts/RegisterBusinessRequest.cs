using DroneDelivery.GatewayApi.Validation;

namespace DroneDelivery.GatewayApi.Contracts;

public sealed record RegisterBusinessRequest : IValidatable
{
    /// <summary>The business's display name.</summary>
    /// <example>Contoso Pharmacy</example>
    public string? Name { get; init; }

    /// <summary>
    /// Where stage changes are posted (optional): an https URL on a public host. Every POST is signed
    /// with the returned webhookSecret (X-Signature: sha256=HMAC of the body) and carries an eventId,
    /// stable across retries, and its sentAt time. URLs naming localhost or a loopback, private,
    /// link-local or unique-local address are refused, as is plain http unless the deployment allows it.
    /// </summary>
    /// <example>https://contoso.example.com/hooks/drone-delivery</example>
    public string? WebhookUrl { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Text("name", Name, 200, required: true);
        if (WebhookUrl is not null)
        {
            if (WebhookUrl.Length > 2048
                || !Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add("webhookUrl", "Must be an absolute http or https URL of at most 2048 characters.");
            }
        }
    }
}
