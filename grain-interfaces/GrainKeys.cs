namespace DroneDelivery.GrainInterfaces;

/// <summary>
/// The one place grain keys are built. Every grain of this system is keyed by a string; the
/// singleton-like grains use a fixed key so they are found again after a restart.
/// </summary>
public static class GrainKeys
{
    /// <summary>Key of the single directory of region cells that have drones.</summary>
    public const string FleetDirectory = "fleet";

    /// <summary>Key of the history writer, a stateless worker: one activation or more on every silo.</summary>
    public const string HistoryWriter = "history";

    /// <summary>Key of a delivery's webhook outbox: the delivery's own id.</summary>
    public static string WebhookOutbox(string deliveryId) => deliveryId;

    /// <summary>Key of a region cell's scheduler and roster grains.</summary>
    public static string Cell(int latIndex, int lonIndex) =>
        FormattableString.Invariant($"{latIndex}:{lonIndex}");

    /// <summary>Key of slice <paramref name="shard"/> of a region cell's roster.</summary>
    public static string RosterShard(string cellKey, int shard) =>
        FormattableString.Invariant($"{cellKey}/{shard}");

    /// <summary>
    /// A delivery id made from a business's Idempotency-Key: the same key of the same business
    /// always names the same delivery, and different businesses can never collide.
    /// </summary>
    public static string DeliveryFromIdempotencyKey(string businessId, string idempotencyKey)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"{businessId}\n{idempotencyKey}");
        var hash = System.Security.Cryptography.SHA256.HashData(bytes);
        return "idem-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>A fresh random id with a readable prefix, e.g. <c>dlv-3f9c…</c>.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
