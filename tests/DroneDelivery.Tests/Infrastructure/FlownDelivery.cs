namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// What a test did with one delivery, and so what the history must say of it: <see cref="OnTime"/>
/// is true or false for one delivered against a deadline, else null; <see cref="DistanceKm"/> is the
/// test's own sum of the legs between the fixes the drone reported for it; <see cref="Flew"/> says
/// whether the drone took off for it, i.e. whether it is one of the drone's flights.
/// </summary>
internal sealed record FlownDelivery(string Id, string DroneId, string Stage, double WeightKg, bool? OnTime, double DistanceKm, bool Flew);
