using DroneDelivery.GatewayApi.Contracts;
using DroneDelivery.ServiceDefaults.Webhooks;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Validation;

/// <summary>
/// Refuses a webhook URL the silos would refuse to call (http, localhost, a non-public address),
/// so the business learns it at registration rather than by webhooks that never come. Runs after
/// <see cref="ValidationFilter"/>, so the URL is already a well-formed http(s) URL.
/// </summary>
public sealed class WebhookTargetFilter(IOptions<WebhookOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is RegisterBusinessRequest { WebhookUrl: { } url }
                && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && WebhookAddresses.Refusal(uri, options.Value) is { } refusal)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["webhookUrl"] = [refusal] });
            }
        }

        return await next(context);
    }
}
