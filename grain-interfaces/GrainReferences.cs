namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// The one way this system gets a reference to a grain: <c>GetGrain</c> with the grain and interface
/// types resolved once per interface. Orleans resolves them again on every <c>GetGrain</c>, reading
/// the interface's attributes by reflection and formatting its type name; at 2,000 delivery
/// requests a second that was 6% of the CPU. The types depend only on the code ([GrainType] on the
/// interface's one implementation), so one resolution serves every silo and client of a process.
/// </summary>
public static class GrainReferences
{
    /// <summary>The grain of type <typeparamref name="TGrain"/> with key <paramref name="key"/>; the same reference <c>GetGrain</c> returns.</summary>
    public static TGrain Reference<TGrain>(this IGrainFactory grains, string key)
        where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (ResolvedTypes<TGrain>.Value is not { } types)
        {
            // The first time, Orleans resolves the types; its reference carries them.
            var first = grains.GetGrain<TGrain>(key);
            var reference = (GrainReference)(object)first;
            ResolvedTypes<TGrain>.Value = (reference.GrainId.Type, reference.InterfaceType);
            return first;
        }

        return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private static class ResolvedTypes<TGrain>
    {
        public static (GrainType Grain, GrainInterfaceType Interface)? Value;
    }
}
