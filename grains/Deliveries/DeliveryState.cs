using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Grains.Deliveries;

[GenerateSerializer, Alias("DeliveryState")]
public sealed class DeliveryState
{
    [Id(0)] public string OwnerId { get; set; } = "";
    [Id(1)] public DeliveryRequest? Request { get; set; }
    [Id(2)] public string PackageId { get; set; } = "";
    [Id(3)] public DeliveryStage Stage { get; set; }
    [Id(4)] public string? DroneId { get; set; }
    [Id(5)] public DateTimeOffset? PickupEta { get; set; }
    [Id(6)] public DateTimeOffset? DeliveryEta { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(9)] public string TrackingToken { get; set; } = "";
    [Id(10)] public List<Milestone> Milestones { get; set; } = [];
    [Id(11)] public Location? LastKnownLocation { get; set; }

    /// <summary>The request as first made, once a change has made <see cref="Request"/> differ; repeats are compared with it.</summary>
    [Id(12)] public DeliveryRequest? AsRequested { get; set; }

    /// <summary>The drone is at the drop-off, waiting for the proof of delivery.</summary>
    [Id(13)] public bool ArrivedAtDropoff { get; set; }

    [Id(14)] public Confirmation? Confirmation { get; set; }

    /// <summary>The delivery ETA when the package was picked up: the promise the delivery is measured against.</summary>
    [Id(15)] public DateTimeOffset? DeliveryEtaAtPickup { get; set; }

    /// <summary>Finished, and its history record not yet confirmed written: a reminder keeps trying until it is.</summary>
    [Id(16)] public bool HistoryPending { get; set; }

    /// <summary>The drone whose flight <see cref="DistanceFlownKm"/> and <see cref="TookOffAt"/> measure: the last one given the delivery.</summary>
    [Id(17)] public string? FlightDroneId { get; set; }

    /// <summary>Distance that drone flew for the delivery, fix to fix; kept in memory between stage writes like the position.</summary>
    [Id(18)] public double DistanceFlownKm { get; set; }

    [Id(19)] public DateTimeOffset? TookOffAt { get; set; }

    /// <summary>The business had a webhook when the delivery was requested: its stage changes are recorded in <see cref="WebhookEvents"/>.</summary>
    [Id(20)] public bool HasWebhook { get; set; }

    /// <summary>Every stage change as its webhook tells it, stored with the stage itself so none can be lost between the two.</summary>
    [Id(21)] public List<WebhookEvent> WebhookEvents { get; set; } = [];

    /// <summary>Time of the last change of phase taken from the drone; a report asked for again is applied only if newer.</summary>
    [Id(22)] public DateTimeOffset? LastReportAt { get; set; }

    /// <summary>The saga's reminder was registered (the delivery waited for a drone): the finish removes it.</summary>
    [Id(23)] public bool HoldsRetryReminder { get; set; }
}
