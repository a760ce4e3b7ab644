namespace DroneDelivery.Bench.Load;

/// <summary>How one operation ended. <see cref="Marked"/> is a success the scenario counts apart (ingest: scheduled at once).</summary>
public enum Outcome
{
    Error,
    Ok,
    Marked,
}
