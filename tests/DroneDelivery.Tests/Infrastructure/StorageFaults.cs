using System.Collections.Concurrent;
using Azure;
using Orleans.Providers;
using Orleans.Storage;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// Failures a test arms on the silos' real grain storage: the next writes or clears that match
/// fail as an unavailable Azure Table would, with a 503 <see cref="RequestFailedException"/>;
/// every other call goes through to Azurite. <see cref="InstallOn"/> wraps the silo's default
/// grain storage with <see cref="FaultyGrainStorage"/>.
/// </summary>
internal sealed class StorageFaults
{
    private readonly ConcurrentQueue<Fault> _armed = new();

    /// <summary>Fails the next write of a grain of <paramref name="grainType"/> whose state matches <paramref name="when"/>.</summary>
    public void FailNextWrite<T>(string grainType, Func<T, bool> when) =>
        _armed.Enqueue(new Fault(grainType, Clear: false, state => state is T typed && when(typed)));

    /// <summary>Fails the next clear of the state of a grain of <paramref name="grainType"/>.</summary>
    public void FailNextClear(string grainType) => _armed.Enqueue(new Fault(grainType, Clear: true, _ => true));

    /// <summary>Faults armed and not yet hit.</summary>
    public int Pending => _armed.Count;

    /// <summary>Wraps the default grain storage of a silo's builder; a gateway's builder, which has none, is left as it is.</summary>
    public void InstallOn(WebApplicationBuilder builder)
    {
        var inner = builder.Services.LastOrDefault(d => d.IsKeyedService
            && Equals(d.ServiceKey, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            && d.ServiceType == typeof(IGrainStorage));
        if (inner?.KeyedImplementationFactory is not { } create)
        {
            return;
        }

        builder.Services.AddKeyedSingleton<IGrainStorage>(
            ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (services, key) => new FaultyGrainStorage((IGrainStorage)create(services, key), this));
    }

    internal void ThrowIfArmed(GrainId grain, object? state, bool clear)
    {
        // One fault at a time, in the order armed: enough for a test that fails step after step.
        if (_armed.TryPeek(out var fault) && fault.Clear == clear && grain.Type.ToString() == fault.GrainType
            && fault.Matches(state) && _armed.TryDequeue(out _))
        {
            throw new RequestFailedException(503, $"Injected storage failure for {grain}.");
        }
    }

    private sealed record Fault(string GrainType, bool Clear, Func<object?, bool> Matches);
}
