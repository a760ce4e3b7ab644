using DroneDelivery.Bench.Load;

namespace DroneDelivery.Bench.Reporting;

/// <summary>One system started, measured and stopped: the scenario's figures and its ceilings, taken side by side.</summary>
/// <param name="Label">What distinguishes this run, e.g. where grain state is kept.</param>
/// <param name="Measurements">The scenario's figures first, then its ceilings.</param>
/// <param name="Ratios">Scenario figure over ceiling (and a few plain figures), keyed <c>measured/ceiling</c>.</param>
public sealed record ScenarioRun(string Label, IReadOnlyList<Measurement> Measurements, IReadOnlyDictionary<string, double> Ratios);
