using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Persistence;

namespace DroneDelivery.Grains.Packages;

[GrainType("package")]
public sealed class PackageGrain(
    [PersistentState("package")] IPersistentState<PackageState> state,
    TimeProvider time) : Grain, IPackageGrain
{
    public async Task<PackageDetails> RegisterAsync(PackageRegistration registration)
    {
        if (state.RecordExists)
        {
            // The same delivery registering again is a retry of its own saga step.
            return state.State.DeliveryId == registration.DeliveryId && state.State.OwnerId == registration.OwnerId
                ? Details()
                : throw DomainException.Conflict("The packageId is already used by another delivery.");
        }

        state.State = new PackageState
        {
            OwnerId = registration.OwnerId,
            DeliveryId = registration.DeliveryId,
            Size = registration.Size,
            WeightKg = registration.WeightKg,
            Tag = registration.Tag,
            CreatedAt = time.GetUtcNow(),
        };
        await state.WriteOrDeactivateAsync(this);
        return Details();
    }

    public async Task WithdrawAsync(string deliveryId)
    {
        if (await state.RecordExistsAsync() && state.State.DeliveryId == deliveryId)
        {
            await state.ClearStateAsync();
        }
    }

    public async Task<PackageDetails> GetAsync(string ownerId) =>
        await state.RecordExistsAsync() && state.State.OwnerId == ownerId
            ? Details()
            : throw DomainException.NotFound("The package");

    private PackageDetails Details() => new(
        this.GetPrimaryKeyString(), state.State.OwnerId, state.State.Size, state.State.WeightKg, state.State.Tag, state.State.DeliveryId);
}
