namespace DroneDelivery.Tests.Hostile;

/// <summary>Who knocks: the columns of the authorization matrix.</summary>
internal enum Caller
{
    NoKey,

    /// <summary>A well-formed business key that no business issued.</summary>
    WrongKey,

    /// <summary>A delivery's tracking token, sent as if it were a key.</summary>
    TrackingToken,

    /// <summary>An operator ticket for the fleet hub, sent as a bearer token to the REST API.</summary>
    OperatorTicket,

    OtherBusiness,
    Drone,
    Operator,

    /// <summary>The business that owns the resources the requests name.</summary>
    Owner,
}

internal static class CallerExpectations
{
    /// <summary>The status <paramref name="caller"/> must get from an operation whose authorized callers get <paramref name="success"/>.</summary>
    public static int Expected(this OperationSpec spec, Caller caller, int success) => (spec.Access, caller) switch
    {
        (Access.Anyone, _) => success,
        (_, Caller.NoKey or Caller.WrongKey or Caller.TrackingToken or Caller.OperatorTicket) => 401,
        (Access.Business, Caller.Owner) => success,
        (Access.Business, Caller.OtherBusiness) => spec.Owned ? 404 : success,
        (Access.Business, _) => 403,
        (Access.Operator, Caller.Operator) => success,
        (Access.Operator, _) => 403,
        (Access.Drone, Caller.Drone or Caller.Operator) => success,
        (Access.Drone, _) => 403,
        _ => throw new InvalidOperationException($"No rule for {spec.Access} and {caller}."),
    };

    /// <summary>A well-formed key of the business-key shape that no business holds.</summary>
    public static string MadeUpKey { get; } = $"fdd.biz-{Guid.NewGuid():N}.{Guid.NewGuid():N}"[..53] + "." + string.Concat(Enumerable.Repeat("ab", 32));
}
