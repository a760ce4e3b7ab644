using Azure.Data.Tables;
using DroneDelivery.ServiceDefaults.History;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// A silo that dies still owns a range of reminders until the cluster declares it dead, and
/// registering any of them fails meanwhile. A delivery whose drone arrives then is delivered all
/// the same; its drone, which reports the end of its part until the delivery settles it, stands
/// behind the history record until the reminder can be registered.
/// </summary>
public sealed class HistoryReminderOutageTests : IAsyncLifetime
{
    private const string HistoryReminder = "history-retry";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly StorageFaults _faults = new();
    private readonly List<Flight> _flights = [];
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: false, _faults.InstallOn);

    public async Task DisposeAsync()
    {
        foreach (var flight in _flights)
        {
            flight.Operator.Dispose();
            flight.Business.Dispose();
        }

        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task While_the_history_reminder_cannot_be_registered_an_arrival_still_delivers_and_lets_the_drone_go()
    {
        var flight = await StartFlightAsync();
        _faults.RefuseReminders(HistoryReminder);

        await flight.ArriveAsync();

        var delivered = await Eventually.Until(
            () => Api.GetAsync(flight.Business, $"/api/deliveries/{flight.Id}"), d => Api.Stage(d) == "Delivered", Patience, "the delivery to be delivered");
        Assert.True(_faults.RemindersRefused(HistoryReminder) > 0, "The finish must have met a refused reminder.");
        Assert.Equal(flight.Pilot.DroneId, delivered["droneId"]!.GetValue<string>());
        var drone = await flight.Pilot.DroneAsync();
        Assert.Null(drone["deliveryId"]);
        Assert.Equal("Returning", drone["status"]!.GetValue<string>());

        // The record needs no reminder to be written at once.
        var listed = await Eventually.Until(
            () => Api.GetAsync(flight.Business, "/api/businesses/me/deliveries"), p => p["items"]!.AsArray().Count == 1, Patience, "the history record");
        Assert.Equal(flight.Id, listed["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("Delivered", listed["items"]![0]!["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_record_neither_written_nor_backed_by_a_reminder_gets_its_reminder_from_the_drones_next_check_and_is_written()
    {
        var flight = await StartFlightAsync();

        // The record's first write fails too: the flights table is gone, after the writer made its tables.
        await _cluster.SiloServices.First().GetRequiredService<HistoryStore>().WriteAsync([]);
        await new TableServiceClient(_cluster.Storage.ConnectionString).DeleteTableAsync(HistoryTables.Flights);
        _faults.RefuseReminders(HistoryReminder);

        await flight.ArriveAsync();
        await Eventually.Until(
            () => Api.GetAsync(flight.Business, $"/api/deliveries/{flight.Id}"), d => Api.Stage(d) == "Delivered", Patience, "the delivery to be delivered");
        var listed = await Eventually.Until(
            () => Api.GetAsync(flight.Business, "/api/businesses/me/deliveries"), p => p["items"]!.AsArray().Count == 1, Patience, "the delivery's row, written with the failed flight");
        var finished = listed["items"]![0]!["finishedAt"]!.GetValue<DateTimeOffset>();
        var utilization = $"/api/drones/{flight.Pilot.DroneId}/utilization?year={finished.Year}&month={finished.Month}";
        Assert.Equal(0, (await Api.GetAsync(flight.Operator, utilization))["flights"]!.GetValue<int>());

        // The drone checks on the delivery every couple of seconds; the registration it brings about is refused while this lasts.
        var refused = _faults.RemindersRefused(HistoryReminder);
        await Eventually.Until(() => Task.FromResult(_faults.RemindersRefused(HistoryReminder)), n => n > refused, Patience, "the drone's check to ask for the reminder");
        _faults.AcceptReminders(HistoryReminder);

        await Eventually.Until(
            () => Api.GetAsync(flight.Operator, utilization), u => u["flights"]!.GetValue<int>() == 1, Patience, "the flight to be written");
        Assert.Single((await Api.GetAsync(flight.Business, "/api/businesses/me/deliveries"))["items"]!.AsArray());
    }

    /// <summary>A drone registered, a delivery scheduled to it, and the package picked up.</summary>
    private async Task<Flight> StartFlightAsync()
    {
        var area = TestArea.Next();
        var droneId = $"outage-{Guid.NewGuid():N}";
        var ops = _cluster.CreateOperatorClient();
        await Api.RegisterDroneAsync(ops, droneId, area.At(0, 0));
        var business = await Api.NewBusinessClientAsync(_cluster);
        var accepted = await Api.RequestDeliveryAsync(business, Api.Delivery(area.At(1, 0), area.At(2, 0)));
        Assert.Equal(droneId, accepted["droneId"]!.GetValue<string>());

        var pilot = new DronePilot(ops, droneId);
        await pilot.ReportAsync(area.At(0.5, 0));
        await pilot.ReportAsync(area.At(1, 0), droneEvent: "PickedUp");
        var flight = new Flight(accepted["deliveryId"]!.GetValue<string>(), area, pilot, ops, business);
        _flights.Add(flight);
        return flight;
    }

    private sealed record Flight(string Id, TestArea Area, DronePilot Pilot, HttpClient Operator, HttpClient Business)
    {
        public Task<DateTimeOffset> ArriveAsync() => Pilot.ReportAsync(Area.At(2, 0), droneEvent: "Delivered");
    }
}
