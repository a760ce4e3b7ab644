namespace DroneDelivery.Tests.Processes;

/// <summary>
/// One system of real processes shared by the fault tests (starting seven processes costs more
/// than most scenarios). Each test starts again whatever an earlier one stopped, and watches a
/// business and deliveries of its own.
/// </summary>
public sealed class ProcessSystemFixture : IAsyncLifetime
{
    internal ProcessSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await ProcessSystem.StartAsync("faults", new SystemSize { SimulatorSpeed = 60 });

    public async Task DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }
}
