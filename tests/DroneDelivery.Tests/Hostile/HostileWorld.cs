using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// What exists before the hostile requests arrive. A victim business owns a delivery flown to the
/// end, two waiting for a drone (their area has none) and their packages; an attacker business owns
/// deliveries of its own, and a few drones fly nowhere near the victim. Generated requests know every
/// id here, so they reach real resources, yet no generated request may change the victim's.
/// </summary>
internal sealed class HostileWorld
{
    private HostileWorld(string victimKey, string attackerKey)
    {
        VictimKey = victimKey;
        AttackerKey = attackerKey;
    }

    public string VictimKey { get; }

    public string AttackerKey { get; }

    public string VictimId => VictimKey.Split('.')[1];

    public List<string> VictimDeliveries { get; } = [];

    public List<string> VictimPackages { get; } = [];

    /// <summary>Tracking tokens of the victim's deliveries, by delivery id.</summary>
    public Dictionary<string, string> TrackingTokens { get; } = [];

    public List<string> AttackerDeliveries { get; } = [];

    public List<string> Drones { get; } = [];

    public string VictimDrone { get; private set; } = "";

    public static async Task<HostileWorld> CreateAsync(DroneDeliveryCluster cluster)
    {
        var (_, victimKey) = await Api.RegisterBusinessAsync(cluster, "Victim");
        var (_, attackerKey) = await Api.RegisterBusinessAsync(cluster, "Attacker");
        var world = new HostileWorld(victimKey, attackerKey);
        using var victim = cluster.CreateClient(victimKey);
        using var attacker = cluster.CreateClient(attackerKey);
        using var ops = cluster.CreateOperatorClient();

        await world.FlyOneDeliveryAsync(victim, ops);

        var waiting = TestArea.Next();
        for (var i = 0; i < 2; i++)
        {
            var id = $"victim-waiting-{i}-{Guid.NewGuid():N}";
            var accepted = await Api.RequestDeliveryAsync(victim, new
            {
                deliveryId = id,
                pickup = waiting.At(i, 0),
                dropoff = waiting.At(i, 3),
                package = new { packageId = $"victim-pkg-{i}-{Guid.NewGuid():N}", size = "Medium", weightKg = 2.5, tag = "fragile" },
            });
            Assert.Equal("AwaitingDrone", Api.Stage(accepted));
            world.Add(id, accepted["trackingToken"]!.GetValue<string>());
            world.VictimPackages.Add((await Api.GetAsync(victim, $"/api/deliveries/{id}"))["package"]!["packageId"]!.GetValue<string>());
        }

        var fleet = TestArea.Next();
        for (var i = 0; i < 3; i++)
        {
            var droneId = $"pool-{i}-{Guid.NewGuid():N}"[..20];
            await Api.RegisterDroneAsync(ops, droneId, fleet.At(i, 0));
            world.Drones.Add(droneId);
        }

        var elsewhere = TestArea.Next();
        for (var i = 0; i < 3; i++)
        {
            var accepted = await Api.RequestDeliveryAsync(attacker, Api.Delivery(elsewhere.At(i, 0), elsewhere.At(i, 2)));
            world.AttackerDeliveries.Add(accepted["deliveryId"]!.GetValue<string>());
        }

        return world;
    }

    /// <summary>Every answer a business reads about the victim's deliveries and packages, exactly as it reads it.</summary>
    public async Task<Dictionary<string, string>> SnapshotAsync(DroneDeliveryCluster cluster)
    {
        using var victim = cluster.CreateClient(VictimKey);
        var paths = VictimDeliveries.SelectMany(d => new[] { $"/api/deliveries/{d}", $"/api/deliveries/{d}/status", $"/api/deliveries/{d}/milestones" })
            .Concat(VictimPackages.Select(p => $"/api/packages/{p}"));
        var snapshot = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            var response = await victim.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            snapshot[path] = await response.Content.ReadAsStringAsync();
        }

        return snapshot;
    }

    private async Task FlyOneDeliveryAsync(HttpClient victim, HttpClient ops)
    {
        var area = TestArea.Next();
        VictimDrone = $"victim-drone-{Guid.NewGuid():N}"[..24];
        var home = area.At(0, 0);
        var (pickup, dropoff) = (area.At(1, 0), area.At(2, 0));
        await Api.RegisterDroneAsync(ops, VictimDrone, home);
        var pilot = new DronePilot(ops, VictimDrone);

        var id = $"victim-flown-{Guid.NewGuid():N}";
        var accepted = await Api.RequestDeliveryAsync(victim, Api.Delivery(pickup, dropoff, weightKg: 1.5, deliveryId: id));
        Add(id, accepted["trackingToken"]!.GetValue<string>());
        await pilot.ReportAsync(home.Toward(pickup, 0.5));
        await pilot.ReportAsync(pickup, droneEvent: "PickedUp");
        await pilot.ReportAsync(dropoff);
        await Eventually.Until(
            () => Api.GetAsync(victim, $"/api/deliveries/{id}/status"),
            s => Api.Stage(s) == "Delivered",
            TimeSpan.FromSeconds(30),
            "the victim's delivery to be delivered");
        VictimPackages.Add((await Api.GetAsync(victim, $"/api/deliveries/{id}"))["package"]!["packageId"]!.GetValue<string>());
    }

    private void Add(string deliveryId, string token)
    {
        VictimDeliveries.Add(deliveryId);
        TrackingTokens[deliveryId] = token;
    }
}
