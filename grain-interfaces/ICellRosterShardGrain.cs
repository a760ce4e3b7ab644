namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// One slice of a cell's roster: the drones whose id hashes to it. Each slice is its own small
/// storage row, so a cell of any size stays under the table's row limit and an enrollment
/// rewrites only its slice. Reached through <see cref="ICellRosterGrain"/>. A leaf.
/// </summary>
[Alias("ICellRosterShardGrain")]
public interface ICellRosterShardGrain : IGrainWithStringKey
{
    /// <summary>Adds the drones not there yet, with one write.</summary>
    [Alias("Enroll")]
    Task EnrollAsync(IReadOnlyList<string> droneIds);

    [Alias("Withdraw")]
    Task WithdrawAsync(string droneId);

    /// <summary>The drone ids of this slice, in ordinal order.</summary>
    [Alias("GetDrones"), ReadOnly]
    Task<IReadOnlyList<string>> GetDronesAsync();
}
