using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Hostile;

/// <summary>One valid request of an operation: what its authorized callers send in the matrix.</summary>
internal sealed record Probe(string Path, string? Body = null);

/// <summary>
/// The resources of the authorization matrix, and one valid request per operation that names them.
/// Each mutating operation gets its own delivery or drone, so the order of the rows changes nothing.
/// </summary>
internal sealed class MatrixWorld
{
    private readonly Dictionary<string, string> _deliveries = [];
    private readonly Dictionary<string, string> _drones = [];

    private MatrixWorld(string ownerKey, string otherKey)
    {
        OwnerKey = ownerKey;
        OtherKey = otherKey;
    }

    public string OwnerKey { get; }

    public string OtherKey { get; }

    public string SpareKeyId { get; private set; } = "";

    public string Package { get; private set; } = "";

    public string TrackingToken { get; private set; } = "";

    public string Ticket { get; private set; } = "";

    public static async Task<MatrixWorld> CreateAsync(DroneDeliveryCluster cluster)
    {
        var world = new MatrixWorld((await Api.RegisterBusinessAsync(cluster, "Owner")).ApiKey, (await Api.RegisterBusinessAsync(cluster, "Other")).ApiKey);
        using var owner = cluster.CreateClient(world.OwnerKey);
        using var ops = cluster.CreateOperatorClient();
        var spare = await Api.ReadAsync(await owner.PostAsync(new Uri("/api/businesses/me/keys", UriKind.Relative), null), HttpStatusCode.Created);
        world.SpareKeyId = spare["keyId"]!.GetValue<string>();

        var area = TestArea.Next();
        foreach (var (use, i) in new[] { "read", "patch", "cancel" }.Select((u, i) => (u, i)))
        {
            var accepted = await Api.RequestDeliveryAsync(owner, Api.Delivery(area.At(i, 0), area.At(i, 2)));
            world._deliveries[use] = accepted["deliveryId"]!.GetValue<string>();
            if (use == "read")
            {
                world.TrackingToken = accepted["trackingToken"]!.GetValue<string>();
            }
        }

        world.Package = (await Api.GetAsync(owner, $"/api/deliveries/{world._deliveries["read"]}"))["package"]!["packageId"]!.GetValue<string>();
        var hangar = TestArea.Next();
        foreach (var (use, i) in new[] { "read", "retire", "maintenance", "service" }.Select((u, i) => (u, i)))
        {
            var id = $"matrix-{use}-{Guid.NewGuid():N}"[..30];
            await Api.RegisterDroneAsync(ops, id, hangar.At(i, 0));
            world._drones[use] = id;
        }

        var ticket = await Api.ReadAsync(await ops.PostAsync(new Uri("/api/fleet/live-tickets", UriKind.Relative), null), HttpStatusCode.OK);
        world.Ticket = ticket["ticket"]!.GetValue<string>();
        return world;
    }

    /// <summary>The valid request of <paramref name="operationId"/>; one the table lacks fails the matrix.</summary>
    public Probe ProbeOf(string operationId)
    {
        var (delivery, drone) = (_deliveries["read"], _drones["read"]);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var month = $"year={DateTime.UtcNow.Year}&month={DateTime.UtcNow.Month}";
        return operationId switch
        {
            "RegisterBusiness" => new("/api/businesses", """{"name":"Matrix"}"""),
            "GetMyBusiness" => new("/api/businesses/me"),
            "ListMyKeys" => new("/api/businesses/me/keys"),
            "IssueKey" => new("/api/businesses/me/keys"),
            "RevokeKey" => new($"/api/businesses/me/keys/{SpareKeyId}"),
            "ListMyDeliveries" => new("/api/businesses/me/deliveries?limit=5"),
            "GetMySummary" => new($"/api/businesses/me/summary?{month}"),
            "RequestDelivery" => new("/api/deliveryrequests", Json(Api.Delivery(new GeoPoint(-60.125, 150.125), new GeoPoint(-60.1, 150.1)))),
            "GetDelivery" => new($"/api/deliveries/{delivery}"),
            "GetDeliveryStatus" => new($"/api/deliveries/{delivery}/status"),
            "GetDeliveryMilestones" => new($"/api/deliveries/{delivery}/milestones"),
            "UpdateDelivery" => new($"/api/deliveries/{_deliveries["patch"]}", """{"dropoff":{"lat":-60.11,"lon":150.11}}"""),
            "CancelDelivery" => new($"/api/deliveries/{_deliveries["cancel"]}"),
            "GetPackage" => new($"/api/packages/{Package}"),
            "ConfirmDelivery" => new($"/api/deliveries/{delivery}/confirmations", """{"type":"Picture"}"""),
            "WaitForMission" => new($"/api/drones/{drone}/mission?waitSeconds=0"),
            "PublishTelemetry" => new("/api/telemetry", $$"""[{"droneId":"{{drone}}","at":"{{now}}","lat":10,"lon":10,"batteryPct":90}]"""),
            "ListDrones" => new("/api/drones?limit=5"),
            "RegisterDrone" => new($"/api/drones/matrix-new-{Guid.NewGuid():N}", """{"model":"FD-400","maxPayloadKg":5,"cruiseSpeedMps":15,"rangeKm":40,"homeBase":{"lat":-70.1,"lon":20.1}}"""),
            "GetDrone" => new($"/api/drones/{drone}"),
            "RetireDrone" => new($"/api/drones/{_drones["retire"]}"),
            "EnterMaintenance" => new($"/api/drones/{_drones["maintenance"]}/maintenance"),
            "ReturnToService" => new($"/api/drones/{_drones["service"]}/maintenance"),
            "GetDroneUtilization" => new($"/api/drones/{drone}/utilization?{month}"),
            "GetFleetSummary" => new("/api/fleet/summary"),
            "IssueLiveTicket" => new("/api/fleet/live-tickets"),
            _ => throw new InvalidOperationException($"{operationId} is in the Swagger document but has no probe in {nameof(MatrixWorld)}."),
        };
    }

    /// <summary>
    /// The status the authorized callers get. The telemetry fix moves the drone away from its
    /// home, which nothing else here reads; the confirmation is refused by the delivery itself
    /// (it needs none), which shows the request got past authorization.
    /// </summary>
    public static int SuccessOf(string operationId, OperationSpec spec) => operationId == "ConfirmDelivery" ? 409 : spec.Success[0];

    public HttpClient ClientFor(DroneDeliveryCluster cluster, Caller caller)
    {
        var client = caller switch
        {
            Caller.NoKey or Caller.OperatorTicket => cluster.CreateClient(),
            Caller.WrongKey => cluster.CreateClient(CallerExpectations.MadeUpKey),
            Caller.TrackingToken => cluster.CreateClient(TrackingToken),
            Caller.OtherBusiness => cluster.CreateClient(OtherKey),
            Caller.Owner => cluster.CreateClient(OwnerKey),
            Caller.Drone => cluster.CreateClient(DroneDeliveryCluster.DroneKey),
            Caller.Operator => cluster.CreateClient(DroneDeliveryCluster.OperatorKey),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
        if (caller == Caller.OperatorTicket)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Ticket);
        }

        return client;
    }

    private static string Json(object value) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(value, JsonOptions))!.ToJsonString();

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
