using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.GrainInterfaces.Streams;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// Consumes every drone's telemetry stream the way the drone grain does, by implicit subscription,
/// and remembers what arrived. It proves the stream path on its own, whatever the drone grain does.
/// </summary>
[ImplicitStreamSubscription(TelemetryStreams.Namespace)]
[GrainType("test-telemetry-recorder")]
public sealed class TelemetryRecorderGrain : Grain, ITelemetryRecorderGrain, IStreamSubscriptionObserver, IAsyncObserver<TelemetryBatch>
{
    // Generators keep a drone reporting for as long as the test runs: keep the start, count the rest.
    private const int Kept = 200;

    private readonly List<TelemetryFix> _first = [];
    private int _count;
    private TelemetryFix? _latest;

    public Task<TelemetryRecording> GetAsync() => Task.FromResult(new TelemetryRecording(_count, [.. _first], _latest));

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<TelemetryBatch>().ResumeAsync(this);

    public Task OnNextAsync(TelemetryBatch item, StreamSequenceToken? token = null)
    {
        foreach (var fix in item.ToFixes())
        {
            _count++;
            _latest = fix;
            if (_first.Count < Kept)
            {
                _first.Add(fix);
            }
        }

        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
