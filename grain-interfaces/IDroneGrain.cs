using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// One drone. The only place a drone is assigned: <see cref="TryAssignAsync"/> runs in the drone's
/// own turn, so two deliveries can never both win it. Keyed by drone id.
/// </summary>
[Alias("IDroneGrain")]
public interface IDroneGrain : IGrainWithStringKey
{
    /// <summary>Registers the drone or updates its spec; it joins the scheduler of its home cell.</summary>
    [Alias("Register")]
    Task<DroneRegistered> RegisterAsync(DroneSpec spec);

    /// <summary>Takes the mission if the drone is available and able; false if it is not.</summary>
    [Alias("TryAssign")]
    Task<bool> TryAssignAsync(Mission mission);

    /// <summary>The drone's details; not found if it was never registered.</summary>
    [Alias("Get"), ReadOnly]
    Task<DroneDetails> GetAsync();

    /// <summary>
    /// The drone's current availability, or null if it was never registered. Interleaves with other
    /// calls: it only reads in-memory state, and a scheduler rebuilding its index must not wait
    /// behind a drone that is itself busy.
    /// </summary>
    [Alias("GetAvailability"), AlwaysInterleave]
    Task<DroneAvailability?> GetAvailabilityAsync();
}
