using System.Globalization;
using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.ServiceDefaults.Streaming;
using DroneDelivery.Silo.Streaming;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// Telemetry as drones send it to Event Hubs (raw JSON, partition key = drone id), made by the
/// Event Hubs package's event generator, through our data adapter, the partition's cache and
/// pulling agent, to the grains subscribed to each drone's stream.
/// </summary>
public sealed class EventHubTelemetryTests(EventHubTelemetryFixture fixture) : IClassFixture<EventHubTelemetryFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static int _nextDrone;

    [Fact]
    public async Task A_drones_fixes_reach_its_stream_in_order_and_unreadable_events_are_skipped()
    {
        var flight = NewFlight();
        var malformed = fixture.Skipped(TelemetryRejection.Malformed);
        var withoutDroneId = fixture.Skipped(TelemetryRejection.MissingDroneId);

        await fixture.FlyAsync(flight);

        var recorder = fixture.Cluster.Client.GetGrain<ITelemetryRecorderGrain>(flight.DroneId);
        var recording = await Eventually.Until(
            recorder.GetAsync,
            r => r.Count > flight.Fixes.Count,
            Timeout,
            $"the fixes of {flight.DroneId} to reach its stream");
        Assert.Equal(flight.Fixes, recording.First.Take(flight.Fixes.Count));
        Assert.All(recording.First.Skip(flight.Fixes.Count), hovering => Assert.Equal(flight.Arrival.Location, hovering.Location));
        Assert.Equal(malformed + TelemetryFlight.MalformedEvents, fixture.Skipped(TelemetryRejection.Malformed));
        Assert.Equal(withoutDroneId + TelemetryFlight.EventsWithoutDroneId, fixture.Skipped(TelemetryRejection.MissingDroneId));
    }

    [Fact]
    public async Task How_far_the_silo_has_read_a_partition_is_checkpointed_in_its_table()
    {
        var flight = NewFlight();

        await fixture.FlyAsync(flight);

        // The cache checkpoints the offset of what it evicts; the fixture evicts after seconds.
        var checkpoints = new TableServiceClient(fixture.Storage.ConnectionString).GetTableClient(TelemetryEventHubExtensions.CheckpointTable);
        var checkpoint = await Eventually.Until(
            async () => await checkpoints.QueryAsync<TableEntity>().FirstOrDefaultAsync(),
            entity => entity is not null,
            Timeout,
            "a checkpoint of the partition the drone reports on");
        Assert.True(long.TryParse(checkpoint!.GetString("Offset"), CultureInfo.InvariantCulture, out var offset) && offset > 0, $"Checkpointed offset: {checkpoint.GetString("Offset")}");
    }

    /// <summary>The drone grain's side: a fix on its stream moves it there, battery included.</summary>
    [Fact]
    public async Task A_drones_fixes_move_the_drone_grain_to_its_latest_position_and_battery()
    {
        var flight = NewFlight();
        var drone = fixture.Cluster.Client.GetGrain<IDroneGrain>(flight.DroneId);
        await drone.RegisterAsync(new DroneSpec("FD-400", 5, 15, 40, flight.From));

        await fixture.FlyAsync(flight);

        var details = await Eventually.Until(
            drone.GetAsync,
            d => d.Position.Lat == flight.Arrival.Lat && d.Position.Lon == flight.Arrival.Lon,
            Timeout,
            $"{flight.DroneId} to arrive at the end of its line");
        Assert.Equal(flight.Arrival.BatteryPct, details.BatteryPct);
    }

    // Each test flies its own drone over its own stretch of map. The flight took off a minute ago
    // and is over by now: from then on, the drone reports its arrival, stamped with the present.
    private static TelemetryFlight NewFlight()
    {
        var area = TestArea.Next();
        var n = Interlocked.Increment(ref _nextDrone);
        var takeoff = DateTimeOffset.UtcNow.AddMinutes(-1);
        return new TelemetryFlight(
            $"eh-drone-{n}",
            new Location(area.Lat, area.Lon),
            new Location(area.Lat + 0.02, area.Lon + 0.03),
            takeoff.AddTicks(-(takeoff.Ticks % TimeSpan.TicksPerSecond)));
    }
}
