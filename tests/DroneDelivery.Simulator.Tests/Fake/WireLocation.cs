namespace DroneDelivery.Simulator.Tests.Fake;

public sealed record WireLocation(double Lat, double Lon, double? Alt = null);
