namespace DroneDelivery.Simulator.Flight;

/// <summary>A WGS84 position: latitude and longitude in degrees, altitude in metres.</summary>
public readonly record struct GeoPoint(double Lat, double Lon, double Alt = 0);
