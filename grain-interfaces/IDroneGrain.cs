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

    /// <summary>
    /// Re-plans the current mission of the same delivery from where the drone is now, before
    /// pickup. Null if the drone can't fly the new trip; the mission is then unchanged.
    /// </summary>
    [Alias("TryUpdateMission")]
    Task<Assignment?> TryUpdateMissionAsync(Mission mission);

    /// <summary>Ends the mission of <paramref name="deliveryId"/> (cancelled, or confirmed delivered); the drone flies home.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string deliveryId);

    /// <summary>
    /// A fix that carries an event (PickedUp, Delivered, Fault), taken in the drone's turn; a change
    /// of phase it makes is stored before this returns. Events never ride the telemetry stream: a
    /// stream queue can be lost with its silo, and while a lost position is superseded by the next
    /// fix, a lost event is not. A fix older than the drone's latest is ignored. Gateways now send
    /// events with the positions before them (<see cref="ReportFixesAsync"/>); this one stays for
    /// gateways of the version before, during a rolling upgrade.
    /// </summary>
    [Alias("ReportEvent")]
    Task ReportEventAsync(TelemetryFix fix);

    /// <summary>
    /// Fixes in order, ending with one that carries an event, taken in in one turn; the changes of
    /// phase they make are stored before this returns. The positions before an event come with
    /// it, not on the stream, so the event can never overtake them: a take-off or a leg of the
    /// flight that arrived after its pickup would be dropped as stale.
    /// </summary>
    [Alias("ReportFixes")]
    Task ReportFixesAsync(TelemetryFix[] fixes);

    /// <summary>
    /// The drone channel's long-poll: answers at once when the drone's version differs from
    /// <paramref name="afterVersion"/>, else when it changes or <paramref name="maxWait"/> passes.
    /// Null for a drone never registered. Interleaves: it only reads, and must not hold up the
    /// drone's own turns while it waits.
    /// </summary>
    [Alias("WaitForChange"), AlwaysInterleave]
    Task<DroneChannelState?> WaitForChangeAsync(long? afterVersion, TimeSpan maxWait);

    /// <summary>
    /// The drone's own record of <paramref name="deliveryId"/>: whether it still holds the mission,
    /// and the changes of phase it reported. A delivery asks when the drone says it reported more
    /// than the delivery has seen: those reports go one-way and die with a silo that was stopping.
    /// </summary>
    [Alias("GetMissionReports"), ReadOnly]
    Task<MissionReports> GetMissionReportsAsync(string deliveryId);

    /// <summary>
    /// <paramref name="deliveryId"/> has stored the end of this drone's part in it (arrival at the
    /// drop-off, or the drone giving it up): the drone stops asking it to catch up. One-way, so a
    /// delivery never waits on its drone for it.
    /// </summary>
    [Alias("ReportsSettled"), OneWay]
    Task ReportsSettledAsync(string deliveryId);

    /// <summary>
    /// The cell's watch: a drone that needs watching is active, so its timers run. Activating it is
    /// the point; a drone lost with its silo comes back here. One-way, from its scheduler.
    /// </summary>
    [Alias("Wake"), OneWay]
    Task WakeAsync();

    /// <summary>
    /// Takes the drone out of service: at once when it is idle at home, else once it has finished
    /// its mission and come home. It is given no new mission meanwhile.
    /// </summary>
    [Alias("EnterMaintenance")]
    Task<DroneDetails> EnterMaintenanceAsync();

    /// <summary>Puts the drone back in service.</summary>
    [Alias("ReturnToService")]
    Task<DroneDetails> ReturnToServiceAsync();

    /// <summary>Retires an idle drone: it leaves the scheduler and the fleet list; its record stays. A conflict while on a mission.</summary>
    [Alias("Retire")]
    Task RetireAsync();

    /// <summary>The drone's details; not found if it was never registered or was retired.</summary>
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
