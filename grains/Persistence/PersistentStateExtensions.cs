namespace DroneDelivery.Grains.Persistence;

internal static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; if the write fails, the activation's in-memory state no longer matches
    /// storage, so the grain is deactivated and the next call reloads what was really stored.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
