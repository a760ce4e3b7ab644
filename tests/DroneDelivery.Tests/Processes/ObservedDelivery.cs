namespace DroneDelivery.Tests.Processes;

/// <summary>What the observer last saw of one accepted delivery.</summary>
internal sealed class ObservedDelivery(string id)
{
    public static readonly IReadOnlySet<string> Finished = new HashSet<string> { "Delivered", "Cancelled", "Failed" };

    /// <summary>Stages in which a drone is the delivery's own: no other unfinished delivery may have it.</summary>
    public static readonly IReadOnlySet<string> Flying = new HashSet<string> { "Scheduled", "HeadedToPickup", "HeadedToDropoff" };

    public string Id { get; } = id;

    public string Stage { get; set; } = "Requested";

    public string? DroneId { get; set; }

    /// <summary>Times the API answered 404 for it although it was accepted with 202.</summary>
    public int TimesNotFound { get; set; }

    /// <summary>
    /// A stage's place on the way. Until pickup a delivery may legitimately lose its drone and wait
    /// for another, so those stages rank alike; a package on board, and an end, never go back.
    /// </summary>
    public static int Order(string stage) => stage switch
    {
        "HeadedToDropoff" => 1,
        _ when Finished.Contains(stage) => 2,
        _ => 0,
    };

    public bool IsFinished => Finished.Contains(Stage);

    public bool HoldsDrone => DroneId is not null && Flying.Contains(Stage);
}
