namespace DroneDelivery.Simulator.Tests.Fake;

/// <summary>What the fake gateway holds for one drone: its registration and its mission, versioned.</summary>
internal sealed class FakeDrone(WireDroneRegistration registration)
{
    public WireDroneRegistration Registration { get; set; } = registration;

    public long Version { get; private set; } = 1;

    public string Status { get; private set; } = "Available";

    public WireMission? Mission { get; private set; }

    /// <summary>Completes at the next change; long-polls wait on it.</summary>
    public TaskCompletionSource Changed { get; private set; } = NewSignal();

    public void Change(string status, WireMission? mission)
    {
        Status = status;
        Mission = mission;
        Version++;
        var changed = Changed;
        Changed = NewSignal();
        changed.SetResult();
    }

    public WireMissionAnswer Answer(string droneId) => new(droneId, Version, Status, Registration.HomeBase, Mission);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
