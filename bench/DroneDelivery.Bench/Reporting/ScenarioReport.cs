namespace DroneDelivery.Bench.Reporting;

/// <summary>Everything one scenario produced, as written to <c>{date}-{scenario}.json</c>.</summary>
public sealed record ScenarioReport(
    string Scenario,
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<ScenarioRun> Runs);
