using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>How many fixes a drone's stream delivered, the first ones in order, and the latest.</summary>
[GenerateSerializer, Immutable, Alias("TelemetryRecording")]
public sealed record TelemetryRecording(
    [property: Id(0)] int Count,
    [property: Id(1)] IReadOnlyList<TelemetryFix> First,
    [property: Id(2)] TelemetryFix? Latest);
