using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>What a test-only implicit subscriber got from the telemetry stream of one drone (keyed by drone id).</summary>
[Alias("ITelemetryRecorderGrain")]
public interface ITelemetryRecorderGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<TelemetryRecording> GetAsync();
}
