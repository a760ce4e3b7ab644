namespace DroneDelivery.Tests.Hostile;

/// <summary>Who may call an operation.</summary>
internal enum Access
{
    Anyone,
    Business,
    Operator,

    /// <summary>The drone channel: drone keys and operator keys.</summary>
    Drone,
}

/// <summary>What the <c>{id}</c> of an operation's route names, so generated requests can aim at real ones.</summary>
internal enum Resource
{
    None,
    Delivery,
    Package,
    Drone,
    ApiKey,
}

/// <summary>What the contract says of one operation: who may call it, what its id names, and its success statuses.</summary>
internal sealed record OperationSpec(Access Access, Resource Resource, params int[] Success)
{
    /// <summary>A business's own resource: another business gets 404, never the resource.</summary>
    public bool Owned => Access == Access.Business && Resource is Resource.Delivery or Resource.Package or Resource.ApiKey;
}

/// <summary>
/// The expectation of every operation of the Swagger document, by operation id. An operation the
/// document has and this table lacks fails the suite: no endpoint ships without hostile coverage.
/// </summary>
internal static class OperationCatalogue
{
    public static IReadOnlyDictionary<string, OperationSpec> Specs { get; } = new Dictionary<string, OperationSpec>
    {
        ["RegisterBusiness"] = new(Access.Anyone, Resource.None, 201),
        ["GetMyBusiness"] = new(Access.Business, Resource.None, 200),
        ["ListMyKeys"] = new(Access.Business, Resource.None, 200),
        ["IssueKey"] = new(Access.Business, Resource.None, 201),
        ["RevokeKey"] = new(Access.Business, Resource.ApiKey, 204),
        ["ListMyDeliveries"] = new(Access.Business, Resource.None, 200),
        ["GetMySummary"] = new(Access.Business, Resource.None, 200),
        ["RequestDelivery"] = new(Access.Business, Resource.None, 202),
        ["GetDelivery"] = new(Access.Business, Resource.Delivery, 200),
        ["GetDeliveryStatus"] = new(Access.Business, Resource.Delivery, 200),
        ["GetDeliveryMilestones"] = new(Access.Business, Resource.Delivery, 200),
        ["UpdateDelivery"] = new(Access.Business, Resource.Delivery, 200),
        ["CancelDelivery"] = new(Access.Business, Resource.Delivery, 200),
        ["GetPackage"] = new(Access.Business, Resource.Package, 200),
        ["ConfirmDelivery"] = new(Access.Drone, Resource.Delivery, 200),
        ["WaitForMission"] = new(Access.Drone, Resource.Drone, 200),
        ["PublishTelemetry"] = new(Access.Drone, Resource.None, 202),
        ["ListDrones"] = new(Access.Operator, Resource.None, 200),
        ["RegisterDrone"] = new(Access.Operator, Resource.Drone, 201, 200),
        ["GetDrone"] = new(Access.Operator, Resource.Drone, 200),
        ["RetireDrone"] = new(Access.Operator, Resource.Drone, 204),
        ["EnterMaintenance"] = new(Access.Operator, Resource.Drone, 200),
        ["ReturnToService"] = new(Access.Operator, Resource.Drone, 200),
        ["GetDroneUtilization"] = new(Access.Operator, Resource.Drone, 200),
        ["GetFleetSummary"] = new(Access.Operator, Resource.None, 200),
        ["IssueLiveTicket"] = new(Access.Operator, Resource.None, 200),
    };

    public static OperationSpec For(SwaggerOperation operation) =>
        Specs.TryGetValue(operation.OperationId, out var spec)
            ? spec
            : throw new InvalidOperationException($"{operation} is in the Swagger document but has no expectation in {nameof(OperationCatalogue)}.");
}
