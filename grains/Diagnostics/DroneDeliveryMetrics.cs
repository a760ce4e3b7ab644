using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.ServiceDefaults.Observability;

namespace DroneDelivery.Grains.Diagnostics;

/// <summary>
/// The domain's own instruments, all on the meter <see cref="MeterName"/>. One singleton per
/// silo, created through <see cref="IMeterFactory"/> so each host (and each test silo in a
/// process) gets its own meter rather than a static one shared by all.
/// </summary>
public sealed class DroneDeliveryMetrics
{
    /// <summary>Name of the meter; the hosts' metrics pipeline listens to it.</summary>
    public const string MeterName = "DroneDelivery";

    // Seconds, from "at once" to "waited an hour for a free drone".
    private static readonly double[] AssignmentBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    // Seconds off the promise, from "spot on" to "an hour out".
    private static readonly double[] EtaErrorBuckets = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600];

    private readonly Counter<long> _stageChanges;
    private readonly Histogram<double> _assignmentDuration;
    private readonly Counter<long> _telemetryFixes;
    private readonly Histogram<double> _telemetryLag;
    private readonly Histogram<double> _etaError;
    private readonly Counter<long> _historyRecords;
    private readonly Counter<long> _webhookAttempts;
    private readonly Counter<long> _webhooksGivenUp;

    // Waiting deliveries per cell whose scheduler lives on this silo; the gauge is their sum.
    private readonly ConcurrentDictionary<string, int> _awaitingByCell = new(StringComparer.Ordinal);

    public DroneDeliveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _stageChanges = meter.CreateCounter<long>(
            "dronedelivery.deliveries.stage_changes", "{change}", "Deliveries entering a stage, by stage.");
        _assignmentDuration = meter.CreateHistogram<double>(
            "dronedelivery.assignment.duration", "s", "Time from a delivery's request to its first drone assignment (Scheduled).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AssignmentBuckets });
        _telemetryFixes = meter.CreateCounter<long>(
            "dronedelivery.telemetry.fixes", "{fix}", "Telemetry fixes taken in by drone grains (newer than the last one).");
        _telemetryLag = meter.CreateHistogram<double>(
            "dronedelivery.telemetry.lag", "s", "Time from the timestamp of the newest fix in a batch to its drone grain taking the batch in: the telemetry path's delay, plus any offset of the drone's clock.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ObservabilityExtensions.FixLagBuckets });
        _etaError = meter.CreateHistogram<double>(
            "dronedelivery.eta.error", "s", "How far the actual delivery time was from the delivery ETA promised at pickup, by early or late.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = EtaErrorBuckets });
        _historyRecords = meter.CreateCounter<long>(
            "dronedelivery.history.records", "{record}", "Finished-delivery records the history writer handled, by outcome (written or failed).");
        _webhookAttempts = meter.CreateCounter<long>(
            "dronedelivery.webhooks.attempts", "{attempt}", "Webhook POSTs made, by outcome (sent: a 2xx answer; failed: anything else, retried with backoff).");
        _webhooksGivenUp = meter.CreateCounter<long>(
            "dronedelivery.webhooks.given_up", "{event}", "Webhook events dropped after their last attempt failed, or refused by the target rules.");
        meter.CreateObservableGauge(
            "dronedelivery.deliveries.awaiting", () => _awaitingByCell.Values.Sum(), "{delivery}",
            "Deliveries waiting for a drone, counted by the schedulers of their pickup cells on this silo.");
    }

    /// <summary>A cell's scheduler reports how many of its deliveries wait; 0 when it deactivates.</summary>
    public void Awaiting(string cellKey, int count)
    {
        if (count == 0)
        {
            _awaitingByCell.TryRemove(cellKey, out _);
        }
        else
        {
            _awaitingByCell[cellKey] = count;
        }
    }

    public void StageChanged(DeliveryStage stage) =>
        _stageChanges.Add(1, new KeyValuePair<string, object?>("stage", stage.ToString()));

    public void Assigned(TimeSpan sinceRequest) =>
        _assignmentDuration.Record(Math.Max(0, sinceRequest.TotalSeconds));

    /// <summary>
    /// A drone took in <paramref name="count"/> fixes of one batch, the newest <paramref name="lag"/>
    /// after its own timestamp. One lag per batch, not per fix: the older fixes of a batch are older
    /// because the drone sent them together. A drone clock ahead of the silo's counts as 0.
    /// </summary>
    public void FixesTakenIn(int count, TimeSpan lag)
    {
        _telemetryFixes.Add(count);
        _telemetryLag.Record(Math.Max(0, lag.TotalSeconds));
    }

    /// <summary>
    /// Records the absolute error: Prometheus histograms count non-negative observations, so
    /// the direction is a tag instead of a sign.
    /// </summary>
    public void Delivered(DateTimeOffset promised, DateTimeOffset actual)
    {
        var error = actual - promised;
        _etaError.Record(Math.Abs(error.TotalSeconds), new KeyValuePair<string, object?>("timing", error > TimeSpan.Zero ? "late" : "early"));
    }

    public void WebhookAttempted(bool sent) =>
        _webhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", sent ? "sent" : "failed"));

    public void WebhookGivenUp() => _webhooksGivenUp.Add(1);

    /// <summary>One flush of the history writer: records stored, and records left for their delivery to retry.</summary>
    public void HistoryWritten(int written, int failed)
    {
        if (written > 0)
        {
            _historyRecords.Add(written, new KeyValuePair<string, object?>("outcome", "written"));
        }

        if (failed > 0)
        {
            _historyRecords.Add(failed, new KeyValuePair<string, object?>("outcome", "failed"));
        }
    }
}
