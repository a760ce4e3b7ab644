using Microsoft.AspNetCore.SignalR;

namespace DroneDelivery.GatewayApi.Tracking;

/// <summary>
/// SignalR logs every exception a hub method throws as an error, including the
/// <see cref="HubException"/>s that are simply the answer to a bad request (a wrong tracking
/// token). Its own log is turned down (see <see cref="LiveTrackingExtensions"/>) and this filter
/// logs the failures that are ours to fix: anything but a <see cref="HubException"/>.
/// </summary>
internal sealed partial class HubFailureLogging(ILogger<HubFailureLogging> logger) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not HubException)
        {
            LogFailed(logger, context.HubMethodName, context.Hub.GetType().Name, e);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} of {Hub} failed")]
    private static partial void LogFailed(ILogger logger, string method, string hub, Exception exception);
}
