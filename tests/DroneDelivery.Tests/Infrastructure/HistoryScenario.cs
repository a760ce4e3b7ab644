using System.Net;
using System.Net.Http.Json;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A business's month of deliveries, flown by hand: rounds of one delivery per drone, every drone
/// flying at once, each delivery ending one of five ways (on time, late, cancelled before or after
/// take-off, failed on a fault). Fixes are real telemetry over HTTP; "late" means the drop-off fix
/// comes after a deadline two seconds out, so no clock is faked and nothing sleeps.
/// </summary>
internal sealed class HistoryScenario(DroneDeliveryCluster cluster)
{
    public const int Drones = 6;
    public const int Rounds = 5;

    private enum Ending { OnTime, Late, CancelledOnTheGround, CancelledInFlight, Failed }

    public string BusinessId { get; private set; } = "";

    public string ApiKey { get; private set; } = "";

    public IReadOnlyList<FlownDelivery> Deliveries { get; private set; } = [];

    public async Task RunAsync()
    {
        var area = TestArea.Next();
        (BusinessId, ApiKey) = await Api.RegisterBusinessAsync(cluster, "History business");
        var prefix = "hist-" + Guid.NewGuid().ToString("N")[..8];
        var homes = new Dictionary<string, GeoPoint>();
        using (var ops = cluster.CreateOperatorClient())
        {
            for (var d = 0; d < Drones; d++)
            {
                homes[$"{prefix}-{d}"] = area.At(0, d * 0.4);
                await Api.RegisterDroneAsync(ops, $"{prefix}-{d}", homes[$"{prefix}-{d}"]);
            }
        }

        using var business = cluster.CreateClient(ApiKey);
        var flown = new List<FlownDelivery>();
        for (var round = 0; round < Rounds; round++)
        {
            var requests = new List<(string Id, Ending Ending, double WeightKg, GeoPoint Pickup, GeoPoint Dropoff, DateTimeOffset Deadline)>();
            for (var d = 0; d < Drones; d++)
            {
                var n = (round * Drones) + d;
                var ending = (Ending)(n % 5);
                var pickup = area.At(1 + (d * 0.1), d * 0.4);
                var dropoff = area.At(2.5, d * 0.4);
                var deadline = DateTimeOffset.UtcNow + (ending == Ending.Late ? TimeSpan.FromSeconds(2) : TimeSpan.FromHours(2));
                var weightKg = 0.5 + (n % 4 * 0.5);
                var accepted = await Api.RequestDeliveryAsync(business, new
                {
                    pickup,
                    dropoff,
                    deadline,
                    package = new { size = "Small", weightKg },
                });
                requests.Add((accepted["deliveryId"]!.GetValue<string>(), ending, weightKg, pickup, dropoff, deadline));
            }

            // A drone freed in the last round may reach its scheduler a moment after its last fix: wait for the assignment.
            var flights = new List<Task<FlownDelivery>>();
            foreach (var r in requests)
            {
                var status = await Eventually.Until(
                    () => Api.GetAsync(business, $"/api/deliveries/{r.Id}/status"),
                    s => Api.Stage(s) == "Scheduled",
                    TimeSpan.FromSeconds(20),
                    $"delivery {r.Id} to get a drone");
                var droneId = status["droneId"]!.GetValue<string>();
                flights.Add(FlyAsync(business, droneId, homes[droneId], r.Id, r.Ending, r.WeightKg, r.Pickup, r.Dropoff, r.Deadline));
            }

            flown.AddRange(await Task.WhenAll(flights));
        }

        Deliveries = flown;
    }

    private async Task<FlownDelivery> FlyAsync(
        HttpClient business, string droneId, GeoPoint home, string id, Ending ending, double weightKg, GeoPoint pickup, GeoPoint dropoff, DateTimeOffset deadline)
    {
        using var channel = cluster.CreateOperatorClient();
        var pilot = new DronePilot(channel, droneId);
        var takeOff = home.Toward(pickup, 0.5);
        FlownDelivery Result(string stage, double km, bool flew, bool? onTime = null) => new(id, droneId, stage, weightKg, onTime, km, flew);

        if (ending == Ending.CancelledOnTheGround)
        {
            await CancelAsync(business, id);
            return Result("Cancelled", 0, flew: false);
        }

        await pilot.ReportAsync(takeOff);
        FlownDelivery result;
        if (ending == Ending.CancelledInFlight)
        {
            var further = home.Toward(pickup, 0.8);
            await pilot.ReportAsync(further);
            await UntilAsync(business, id, s => s["lastKnownLocation"]?["lat"]?.GetValue<double>() == further.Lat, "to hear of the drone's second fix");
            await CancelAsync(business, id);
            result = Result("Cancelled", takeOff.KmTo(further), flew: true);
        }
        else if (ending == Ending.Failed)
        {
            var fault = pickup.Toward(dropoff, 0.5);
            await pilot.ReportAsync(pickup, droneEvent: "PickedUp");
            await pilot.ReportAsync(fault, droneEvent: "Fault");
            await UntilAsync(business, id, s => Api.Stage(s) == "Failed", "to fail");
            Assert.Equal(HttpStatusCode.OK, (await channel.DeleteAsync(new Uri($"/api/drones/{droneId}/maintenance", UriKind.Relative))).StatusCode);
            result = Result("Failed", takeOff.KmTo(pickup) + pickup.KmTo(fault), flew: true);
        }
        else
        {
            await pilot.ReportAsync(pickup, droneEvent: "PickedUp");
            if (ending == Ending.Late)
            {
                await Eventually.Until(() => Task.FromResult(DateTimeOffset.UtcNow > deadline), TimeSpan.FromSeconds(10), "the deadline to pass");
            }

            await pilot.ReportAsync(dropoff);
            await UntilAsync(business, id, s => Api.Stage(s) == "Delivered", "to be delivered");
            result = Result("Delivered", takeOff.KmTo(pickup) + pickup.KmTo(dropoff), flew: true, onTime: ending == Ending.OnTime);
        }

        // Home and charged: available for the next round.
        await pilot.ReportAsync(home, batteryPct: 95, speedMps: 0);
        Assert.Equal("Available", await pilot.StatusAsync());
        return result;
    }

    private static async Task CancelAsync(HttpClient business, string id) =>
        Assert.Equal("Cancelled", Api.Stage(await Api.ReadAsync(await business.DeleteAsync(new Uri($"/api/deliveries/{id}", UriKind.Relative)), HttpStatusCode.OK)));

    private static Task<System.Text.Json.Nodes.JsonNode> UntilAsync(HttpClient business, string id, Func<System.Text.Json.Nodes.JsonNode, bool> accept, string what) =>
        Eventually.Until(() => Api.GetAsync(business, $"/api/deliveries/{id}/status"), accept, TimeSpan.FromSeconds(20), $"delivery {id} {what}");
}
