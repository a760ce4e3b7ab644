using DroneDelivery.ServiceDefaults.History;

namespace DroneDelivery.GatewayApi.History;

/// <summary>A drone's month of flights, added up: each a take-off for a delivery until that delivery finished.</summary>
public sealed record DroneUtilization(int Flights, double DistanceKm, double FlightHours)
{
    public static DroneUtilization From(IEnumerable<FlightHistory> flights)
    {
        var all = flights.ToList();
        return new DroneUtilization(all.Count, all.Sum(f => f.DistanceKm), all.Sum(f => f.Duration.TotalHours));
    }
}
