using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Drones;

/// <summary>What operators do to a drone: take it out of service, put it back, retire it.</summary>
public sealed partial class DroneGrain
{
    public async Task<DroneDetails> EnterMaintenanceAsync()
    {
        EnsureInFleet();
        if (state.State.MaintenanceRequested)
        {
            return Details();
        }

        // A drone on a mission finishes it and comes home first; it just isn't given another.
        state.State.MaintenanceRequested = true;
        if (state.State.Mission is null && IsHome())
        {
            state.State.Status = DroneStatus.Maintenance;
        }

        await SaveAsync();
        return Details();
    }

    public async Task<DroneDetails> ReturnToServiceAsync()
    {
        EnsureInFleet();
        state.State.MaintenanceRequested = false;
        if (state.State.Status == DroneStatus.Maintenance)
        {
            state.State.Status = IsHome() ? HomeStatus() : DroneStatus.Returning;
        }

        await SaveAsync();
        return Details();
    }

    public async Task RetireAsync()
    {
        EnsureInFleet();
        if (state.State.Mission is { } mission)
        {
            throw DomainException.Conflict($"The drone is flying delivery {mission.DeliveryId}; retire it once it is idle.");
        }

        state.State.Retired = true;
        state.State.Status = DroneStatus.Offline;
        await SaveAsync();
        await GrainFactory.Reference<ICellRosterGrain>(state.State.HomeCell!).WithdrawAsync(Id);
    }

    private void EnsureInFleet()
    {
        if (!InFleet)
        {
            throw DomainException.NotFound("The drone");
        }
    }
}
