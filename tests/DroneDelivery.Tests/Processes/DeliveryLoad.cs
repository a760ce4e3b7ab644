using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DroneDelivery.Simulator.Demo;
using DroneDelivery.Simulator.Gateway;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// Requests deliveries through the live gateways, round robin, as a business with a retrying client
/// would: each request carries its own delivery id, so one refused with 503, dropped, or cut off by a
/// gateway going down is sent again, to any gateway, without ever making a second delivery.
/// </summary>
internal sealed class DeliveryLoad(ProcessSystem system, DeliveryObserver observer)
{
    /// <summary>How long one delivery request is retried before it is given up (and counted as not accepted).</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentQueue<string> _duplicates = new();
    private readonly Random _random = new(8);
    private readonly Lock _randomLock = new();
    private int _requested;
    private int _abandoned;
    private int _unavailableWithoutRetryAfter;

    public int Requested => _requested;

    public int Abandoned => _abandoned;

    /// <summary>4xx answers to well-formed requests, which should never happen.</summary>
    public IReadOnlyCollection<string> Refusals => _refusals;

    /// <summary>202s that named another delivery than the one asked for.</summary>
    public IReadOnlyCollection<string> Duplicates => _duplicates;

    public int UnavailableWithoutRetryAfter => _unavailableWithoutRetryAfter;

    /// <summary>Requests <paramref name="count"/> deliveries spread evenly over <paramref name="spread"/>, and returns once each is accepted or given up.</summary>
    public async Task RequestAsync(int count, TimeSpan spread, CancellationToken cancellation = default)
    {
        var tasks = new List<Task>();
        for (var i = 0; i < count && !cancellation.IsCancellationRequested; i++)
        {
            tasks.Add(RequestOneAsync(cancellation));
            if (i < count - 1)
            {
                await Task.Delay(spread / count, CancellationToken.None);
            }
        }

        await Task.WhenAll(tasks);
    }

    private async Task RequestOneAsync(CancellationToken cancellation)
    {
        DeliveryRequestDto request;
        lock (_randomLock)
        {
            request = DemoDeliveries.Next(_random, new(system.Center.Lat, system.Center.Lon), system.Size.RadiusKm, maxPayloadKg: 5);
        }

        Interlocked.Increment(ref _requested);
        var giveUp = DateTime.UtcNow + GiveUpAfter;
        while (DateTime.UtcNow < giveUp && !cancellation.IsCancellationRequested)
        {
            try
            {
                var response = await observer.NextClient().PostAsJsonAsync("/api/deliveryrequests", request, GatewayJson.Options, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var id = (await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!["deliveryId"]!.GetValue<string>();
                    if (id != request.DeliveryId)
                    {
                        _duplicates.Enqueue($"asked for {request.DeliveryId}, got {id}");
                    }

                    observer.Accepted(request.DeliveryId);
                    return;
                }

                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta is null)
                {
                    Interlocked.Increment(ref _unavailableWithoutRetryAfter);
                }

                if ((int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
                {
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    _refusals.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{request.DeliveryId}: {(int)response.StatusCode} {body}"));
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException)
            {
                // Recorded by the log; sent again below, maybe to another gateway.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }

        Interlocked.Increment(ref _abandoned);
    }
}
