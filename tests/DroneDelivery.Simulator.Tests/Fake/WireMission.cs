namespace DroneDelivery.Simulator.Tests.Fake;

public sealed record WireMission(
    string DeliveryId,
    WireLocation Pickup,
    WireLocation Dropoff,
    double WeightKg,
    WireConfirmationType ConfirmationRequired,
    DateTimeOffset? PickupTime,
    DateTimeOffset PickupEta,
    DateTimeOffset DeliveryEta);
