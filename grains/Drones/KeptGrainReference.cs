using DroneDelivery.GrainInterfaces;

namespace DroneDelivery.Grains.Drones;

/// <summary>
/// A grain reference kept for as long as its key stays the same: a drone asks for its delivery and
/// its fleet feed on every fix, and a kept reference spares it a new one each time.
/// </summary>
internal sealed class KeptGrainReference<TGrain>
    where TGrain : IGrainWithStringKey
{
    private string? _key;
    private TGrain? _grain;

    public TGrain For(IGrainFactory grains, string key)
    {
        if (_grain is null || _key != key)
        {
            _grain = grains.Reference<TGrain>(key);
            _key = key;
        }

        return _grain;
    }
}
