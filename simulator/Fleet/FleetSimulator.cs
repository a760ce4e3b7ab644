using DroneDelivery.Simulator.Flight;
using DroneDelivery.Simulator.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Simulator.Fleet;

/// <summary>
/// Flies the fleet: registers every drone, keeps one mission long-poll going per drone, and on
/// a fixed clock advances every drone and queues the fixes that are due.
/// </summary>
public sealed partial class FleetSimulator(
    GatewayClient gateway,
    MissionFeed missions,
    TelemetryUplink uplink,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    ILogger<FleetSimulator> logger) : BackgroundService
{
    // Registrations in flight at once: enough to bring a large fleet up quickly, few enough not
    // to swamp a gateway that is still warming up.
    private const int ConcurrentRegistrations = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var profile = settings.ToFlightProfile();
        var drones = FleetLayout.Place(settings.DroneCount, settings.DroneIdPrefix, settings.Center, settings.RadiusKm)
            .Select(p => new SimulatedDrone(p.Id, new DroneState(p.Home, profile)))
            .ToArray();
        LogStarting(logger, drones.Length, settings.GatewayUrl, settings.Speed);

        using var registrations = new SemaphoreSlim(ConcurrentRegistrations);
        var running = new List<Task> { uplink.RunAsync(stoppingToken) };
        running.AddRange(drones.Select(drone => RunDroneAsync(drone, settings, registrations, stoppingToken)));
        try
        {
            await TickAsync(drones, settings, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Every loop ends by cancellation.
        }
    }

    private async Task TickAsync(SimulatedDrone[] drones, SimulatorOptions settings, CancellationToken cancellationToken)
    {
        var tick = TimeSpan.FromSeconds(settings.FixIntervalSeconds);
        // Half a tick of slack, so a parked drone reports every IdleFixIntervalSeconds rather than a tick later.
        var idle = TimeSpan.FromSeconds(settings.IdleFixIntervalSeconds) - (tick / 2);
        using var timer = new PeriodicTimer(tick, time);
        do
        {
            var timestamp = time.GetTimestamp();
            var now = time.GetUtcNow();
            var batch = new List<OutgoingFix>();
            foreach (var drone in drones)
            {
                if (drone.Tick(timestamp, now, idle, time) is { } fix)
                {
                    batch.Add(fix);
                    if (fix.Fix.Event is { } reached)
                    {
                        LogMilestone(logger, drone.Id, reached, fix.Fix.Lat, fix.Fix.Lon);
                    }
                }
            }

            if (batch.Count > 0)
            {
                uplink.Enqueue(batch);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task RunDroneAsync(SimulatedDrone drone, SimulatorOptions settings, SemaphoreSlim registrations, CancellationToken cancellationToken)
    {
        await registrations.WaitAsync(cancellationToken);
        try
        {
            var spec = new RegisterDroneRequest(
                settings.Model, settings.MaxPayloadKg, settings.CruiseSpeedMps, settings.RangeKm, LocationDto.From(drone.Home));
            var created = await gateway.RegisterDroneAsync(drone.Id, spec, cancellationToken);
            LogRegistered(logger, drone.Id, created ? "registered" : "updated", drone.Home.Lat, drone.Home.Lon);
        }
        finally
        {
            registrations.Release();
        }

        drone.MarkRegistered();
        while (true)
        {
            try
            {
                await missions.FollowAsync(drone, cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A bug in handling one answer must not ground the drone for the rest of the run.
                LogFeedFailed(logger, e, drone.Id);
                await Task.Delay(TimeSpan.FromSeconds(5), time, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {DroneCount} drones against {GatewayUrl} at {Speed}x speed")]
    private static partial void LogStarting(ILogger logger, int droneCount, string gatewayUrl, double speed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drone {DroneId} {Outcome}, based at {Lat:0.00000}, {Lon:0.00000}")]
    private static partial void LogRegistered(ILogger logger, string droneId, string outcome, double lat, double lon);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drone {DroneId} {Event} at {Lat:0.00000}, {Lon:0.00000}")]
    private static partial void LogMilestone(ILogger logger, string droneId, TelemetryEvent @event, double lat, double lon);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mission feed of drone {DroneId} failed; restarting it")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception, string droneId);
}
