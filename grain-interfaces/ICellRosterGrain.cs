namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// The persisted list of drones based in one region cell, so a scheduler rebuilt after a restart
/// knows which drones to ask. It keeps the ids in slices (<see cref="ICellRosterShardGrain"/>) and
/// calls nothing else, and the slices call nothing at all, so anyone may await it.
/// </summary>
[Alias("ICellRosterGrain")]
public interface ICellRosterGrain : IGrainWithStringKey
{
    [Alias("Enroll")]
    Task EnrollAsync(string droneId);

    [Alias("Withdraw")]
    Task WithdrawAsync(string droneId);

    /// <summary>The drone ids of this cell, in ordinal order.</summary>
    [Alias("GetDrones"), ReadOnly]
    Task<IReadOnlyList<string>> GetDronesAsync();
}
