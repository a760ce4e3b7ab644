using DroneDelivery.Simulator.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Simulator.Demo;

/// <summary>
/// Optional demo load: registers a business of its own and requests deliveries around the area
/// at <c>DemoDeliveriesPerMinute</c> simulated minutes, so the fleet has something to fly.
/// </summary>
public sealed partial class DemoLoadGenerator(
    GatewayClient gateway,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    ILogger<DemoLoadGenerator> logger) : BackgroundService
{
    public const string BusinessName = "Simulator demo business";

    // Faster than this the requests would only queue up behind each other anyway.
    private static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.DemoDeliveriesPerMinute <= 0)
        {
            return;
        }

        try
        {
            var business = await gateway.RegisterBusinessAsync(BusinessName, stoppingToken);
            var perRealMinute = settings.DemoDeliveriesPerMinute * settings.Speed;
            var interval = TimeSpan.FromMinutes(1 / perRealMinute);
            LogStarted(logger, business.Id ?? "?", perRealMinute);

            var random = new Random();
            using var timer = new PeriodicTimer(interval > ShortestInterval ? interval : ShortestInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var request = DemoDeliveries.Next(random, settings.Center, settings.RadiusKm, settings.MaxPayloadKg);
                if (await gateway.RequestDeliveryAsync(business.ApiKey!, request, stoppingToken) is { } accepted)
                {
                    LogRequested(logger, request.DeliveryId);
                    if (settings.DemoTrackingLinksFile is { Length: > 0 } file && accepted.TrackingUrl is { } link)
                    {
                        await File.AppendAllTextAsync(file, link + Environment.NewLine, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo business {BusinessId} requests {PerMinute:0.##} deliveries per real minute")]
    private static partial void LogStarted(ILogger logger, string businessId, double perMinute);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo delivery {DeliveryId} requested")]
    private static partial void LogRequested(ILogger logger, string deliveryId);
}
