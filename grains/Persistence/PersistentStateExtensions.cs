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

    /// <summary>
    /// Whether the record is stored, reading it again when this activation found none. When a
    /// silo dies, Orleans deactivates the activations whose directory entries it kept; one still
    /// busy with a call finishes it while a second activation takes new calls. If that one read
    /// before the first stored the record, it would deny it for as long as it lives: a request
    /// answered 202 would be 404 ever after. Costs a read only where the answer would be "none".
    /// </summary>
    public static async ValueTask<bool> RecordExistsAsync<T>(this IPersistentState<T> state)
    {
        if (!state.RecordExists)
        {
            await state.ReadStateAsync();
        }

        return state.RecordExists;
    }
}
