namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A cluster of its own for the history tests (one of them restarts it), and one month of
/// deliveries flown on it the first time a test asks, which the tests then read in their own ways.
/// </summary>
public sealed class HistoryFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HistoryScenario? _scenario;

    internal DroneDeliveryCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await DroneDeliveryCluster.StartAsync(silos: 2);

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _gate.Dispose();
    }

    internal async Task<HistoryScenario> FlownAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_scenario is null)
            {
                var scenario = new HistoryScenario(Cluster);
                await scenario.RunAsync();
                _scenario = scenario;
            }

            return _scenario;
        }
        finally
        {
            _gate.Release();
        }
    }
}
