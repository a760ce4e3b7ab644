namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// The persisted set of region cells that have ever had a drone, for listing the fleet. Written
/// only when a drone is based in a new cell. A leaf: it calls no other grain.
/// </summary>
[Alias("IFleetDirectoryGrain")]
public interface IFleetDirectoryGrain : IGrainWithStringKey
{
    [Alias("AddCell")]
    Task AddCellAsync(string cellKey);

    /// <summary>The cell keys, in ordinal order.</summary>
    [Alias("GetCells"), ReadOnly]
    Task<IReadOnlyList<string>> GetCellsAsync();
}
