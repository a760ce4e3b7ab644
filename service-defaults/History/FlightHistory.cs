namespace DroneDelivery.ServiceDefaults.History;

/// <summary>One flight of a drone for one delivery: from take-off to the delivery's finish.</summary>
public sealed record FlightHistory(string DroneId, string DeliveryId, DateTimeOffset TookOffAt, DateTimeOffset LandedAt, double DistanceKm)
{
    public TimeSpan Duration => LandedAt - TookOffAt;
}
