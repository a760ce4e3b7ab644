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
        if (TypesOf<TGrain>.Resolved is not { } types)
        {
            // The first time, Orleans resolves the types; its reference carries them.
            var first = grains.GetGrain<TGrain>(key);
            var reference = (GrainReference)(object)first;
            TypesOf<TGrain>.Resolved = new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
            return first;
        }

        return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    // A class, not a struct: its reference is written and read whole, so a call racing the first
    // one sees either nothing or both types, never half of them.
    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class TypesOf<TGrain>
    {
        public static ResolvedTypes? Resolved;
    }
}
