namespace DroneDelivery.Simulator.Tests.Fake;

public sealed record WirePackage(string Size, double WeightKg);
