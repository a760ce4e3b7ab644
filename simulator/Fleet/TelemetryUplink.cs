using System.Threading.Channels;
using DroneDelivery.Simulator.Gateway;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Simulator.Fleet;

/// <summary>
/// Sends the fleet's fixes to the gateway, decoupled from the flight clock so a slow or absent
/// gateway never stalls the drones: each tick's fixes are queued as one batch, and the sender
/// posts everything queued in as few requests as the per-request limit allows. Confirmations go
/// out after the request carrying their Delivered fix was accepted, so they never overtake it.
/// </summary>
public sealed partial class TelemetryUplink(GatewayClient gateway, TimeProvider time, ILogger<TelemetryUplink> logger)
{
    /// <summary>Most fixes the gateway takes in one request.</summary>
    public const int MaxFixesPerRequest = 1000;

    // Ticks of fixes kept while the gateway is unreachable; past that the oldest are dropped.
    private const int MaxQueuedBatches = 3600;

    private readonly Channel<IReadOnlyList<OutgoingFix>> _batches = Channel.CreateBounded<IReadOnlyList<OutgoingFix>>(
        new BoundedChannelOptions(MaxQueuedBatches) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Channel<PendingConfirmation> _confirmations = Channel.CreateUnbounded<PendingConfirmation>(
        new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(IReadOnlyList<OutgoingFix> fixes) => _batches.Writer.TryWrite(fixes);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(SendFixesAsync(cancellationToken), SendConfirmationsAsync(cancellationToken));

    /// <summary>Splits fixes into requests of at most <see cref="MaxFixesPerRequest"/>.</summary>
    public static IEnumerable<OutgoingFix[]> Requests(IEnumerable<OutgoingFix> fixes) => fixes.Chunk(MaxFixesPerRequest);

    private async Task SendFixesAsync(CancellationToken cancellationToken)
    {
        // Paces the next attempt after the gateway refused a request, so a gateway that doesn't
        // know the endpoint gets a request (and the log a warning) every half minute, not every tick.
        var refusals = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var pending = new List<OutgoingFix>();
        while (await _batches.Reader.WaitToReadAsync(cancellationToken))
        {
            pending.Clear();
            while (_batches.Reader.TryRead(out var batch))
            {
                pending.AddRange(batch);
            }

            var refused = false;
            foreach (var request in Requests(pending))
            {
                var accepted = await gateway.PostTelemetryAsync([.. request.Select(f => f.Fix)], cancellationToken);
                if (accepted is null)
                {
                    refused = true;
                    LogDropped(logger, request.Length);
                    continue;
                }

                if (accepted < request.Length)
                {
                    LogPartlyAccepted(logger, accepted.Value, request.Length);
                }

                foreach (var fix in request)
                {
                    if (fix.Confirmation is { } confirmation)
                    {
                        _confirmations.Writer.TryWrite(confirmation);
                    }
                }
            }

            if (refused)
            {
                await Task.Delay(refusals.NextDelay(), time, cancellationToken);
            }
            else
            {
                refusals.Reset();
            }
        }
    }

    private async Task SendConfirmationsAsync(CancellationToken cancellationToken)
    {
        await foreach (var confirmation in _confirmations.Reader.ReadAllAsync(cancellationToken))
        {
            if (await gateway.PostConfirmationAsync(confirmation.DeliveryId, confirmation.Request, cancellationToken))
            {
                LogConfirmed(logger, confirmation.Request.Type, confirmation.DeliveryId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} fixes the gateway refused")]
    private static partial void LogDropped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The gateway accepted {Accepted} of {Count} fixes")]
    private static partial void LogPartlyAccepted(ILogger logger, int accepted, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {Type} confirmation of delivery {DeliveryId}")]
    private static partial void LogConfirmed(ILogger logger, string type, string deliveryId);
}
