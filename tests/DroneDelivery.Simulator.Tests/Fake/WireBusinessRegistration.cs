namespace DroneDelivery.Simulator.Tests.Fake;

public sealed record WireBusinessRegistration(string Name);
