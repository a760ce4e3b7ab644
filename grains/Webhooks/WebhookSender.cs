using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.ServiceDefaults.Webhooks;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Grains.Webhooks;

/// <summary>Makes one signed POST of one event. The client it uses follows no redirects and connects only where <see cref="WebhookConnectGuard"/> allows.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string ClientName = "DroneDelivery.Webhooks";
    public const string IdHeader = "X-Webhook-Id";
    public const string TimestampHeader = "X-Webhook-Timestamp";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WebhookAttempt> SendAsync(string deliveryId, WebhookEvent webhookEvent, WebhookTarget target)
    {
        if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url))
        {
            return new WebhookAttempt(WebhookOutcome.Refused, "not an absolute URL");
        }

        if (WebhookAddresses.Refusal(url, options.Value) is { } refusal)
        {
            return new WebhookAttempt(WebhookOutcome.Refused, refusal);
        }

        var sentAt = time.GetUtcNow();
        var eventId = webhookEvent.EventId(deliveryId);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new WebhookPayload(eventId, deliveryId, webhookEvent.Stage.ToString(), webhookEvent.PickupEta, webhookEvent.DeliveryEta, webhookEvent.At, sentAt),
            Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(target.Secret, body));
        request.Headers.Add(IdHeader, eventId);
        request.Headers.Add(TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return response.IsSuccessStatusCode
                ? new WebhookAttempt(WebhookOutcome.Sent, $"HTTP {(int)response.StatusCode}")
                : new WebhookAttempt(WebhookOutcome.Failed, $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttempt(WebhookOutcome.Failed, e.Message);
        }
        catch (TaskCanceledException)
        {
            return new WebhookAttempt(WebhookOutcome.Failed, $"no answer within {options.Value.Timeout}");
        }
    }
}
