namespace DroneDelivery.Bench.Scenarios;

/// <summary>A position as the API's JSON has it (<c>lat</c>, <c>lon</c> in camel case).</summary>
public sealed record GeoPoint(double Lat, double Lon);
