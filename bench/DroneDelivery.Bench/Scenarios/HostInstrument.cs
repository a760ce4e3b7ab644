using System.Diagnostics.Metrics;
using DroneDelivery.ServiceDefaults.Observability;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Which of the instruments published in this process is one host's: the process holds the
/// bench's silo and gateway (and the test host's silos) with the same meter, told apart by the
/// meter factory each host created it with.
/// </summary>
public static class HostInstrument
{
    public static bool Is(Instrument instrument, IMeterFactory host, string name) =>
        instrument.Meter.Name == ObservabilityExtensions.DroneDeliveryMeter && instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, host);
}
