using System.Net.Sockets;
using Azure;
using DroneDelivery.GatewayApi.Streaming;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace DroneDelivery.GatewayApi.Errors;

/// <summary>
/// Recognises failures that mean "the cluster or its storage can't be reached right now", or the
/// telemetry stream takes no more fixes for now (<see cref="TelemetryStreamFullException"/>). A call
/// the runtime gave up on (its message expired while placement waited on a dead or busy silo)
/// ends in an <see cref="OperationCanceledException"/> although no one cancelled the request.
/// </summary>
public static class ClusterUnavailability
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SiloUnavailableException
                or OrleansMessageRejectionException
                or ConnectionFailedException
                or ClientNotAvailableException
                or GatewayTooBusyException
                or TimeoutException
                or OperationCanceledException
                or InconsistentStateException
                or RequestFailedException
                or SocketException
                or HttpRequestException
                or TelemetryStreamFullException)
            {
                return true;
            }
        }

        return false;
    }
}
