using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Grains.Persistence;

namespace DroneDelivery.Grains.Drones;

[GrainType("drone")]
public sealed class DroneGrain(
    [PersistentState("drone")] IPersistentState<DroneState> state,
    TimeProvider time) : Grain, IDroneGrain
{
    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The scheduler's index is memory only: whenever this drone comes back, say where it is.
        if (Availability() is { } availability)
        {
            Scheduler(state.State.HomeCell!).UpdateDroneAsync(availability).Ignore();
        }

        return Task.CompletedTask;
    }

    public async Task<DroneRegistered> RegisterAsync(DroneSpec spec)
    {
        var created = !state.RecordExists;
        var previousCell = state.State.HomeCell;
        var homeCell = RegionCell.Of(spec.HomeBase).Key;

        state.State.Spec = spec;
        if (created)
        {
            state.State.Status = DroneStatus.Available;
            state.State.Position = spec.HomeBase;
            state.State.BatteryPct = 100;
        }

        state.State.HomeCell = homeCell;
        Touch();
        await state.WriteOrDeactivateAsync(this);

        // Enrolling is idempotent, so a registration repeated after a crash mends a missed step.
        await GrainFactory.GetGrain<IFleetDirectoryGrain>(GrainKeys.FleetDirectory).AddCellAsync(homeCell);
        await GrainFactory.GetGrain<ICellRosterGrain>(homeCell).EnrollAsync(Id);
        if (previousCell is not null && previousCell != homeCell)
        {
            await GrainFactory.GetGrain<ICellRosterGrain>(previousCell).WithdrawAsync(Id);
            Scheduler(previousCell).RemoveDroneAsync(Id).Ignore();
        }

        Scheduler(homeCell).UpdateDroneAsync(Availability()!).Ignore();
        return new DroneRegistered(created, Details());
    }

    public async Task<bool> TryAssignAsync(Mission mission)
    {
        if (state.State.Mission?.DeliveryId == mission.DeliveryId)
        {
            // The same delivery asking again after a lost answer: it already has this drone.
            return true;
        }

        if (!state.RecordExists || state.State.Status != DroneStatus.Available || state.State.Mission is not null
            || mission.WeightKg > state.State.Spec!.MaxPayloadKg)
        {
            return false;
        }

        state.State.Mission = mission;
        state.State.Status = DroneStatus.Assigned;
        Touch();
        await state.WriteOrDeactivateAsync(this);
        return true;
    }

    public Task<DroneDetails> GetAsync() =>
        state.RecordExists ? Task.FromResult(Details()) : throw DomainException.NotFound("The drone");

    public Task<DroneAvailability?> GetAvailabilityAsync() => Task.FromResult(Availability());

    private DroneAvailability? Availability() => state.RecordExists
        ? new DroneAvailability(
            Id,
            state.State.Spec!,
            state.State.Position!,
            state.State.BatteryPct,
            state.State.Status == DroneStatus.Available && state.State.Mission is null,
            state.State.Revision)
        : null;

    private DroneDetails Details() => new(
        Id,
        state.State.Spec!,
        state.State.Status,
        state.State.Position!,
        state.State.BatteryPct,
        state.State.Mission?.DeliveryId,
        state.State.UpdatedAt);

    private void Touch()
    {
        state.State.Revision++;
        state.State.UpdatedAt = time.GetUtcNow();
    }

    private ISchedulerGrain Scheduler(string cellKey) => GrainFactory.GetGrain<ISchedulerGrain>(cellKey);
}
