namespace DroneDelivery.Silo.Logging;

/// <summary>
/// Every log written while a delivery or drone grain handles a call (requests, reminders, stream
/// deliveries) carries <c>DeliveryId</c> or <c>DroneId</c> as a scope, including the runtime's and
/// storage's logs of that call, so one id filters a grain's whole story.
/// </summary>
public sealed class GrainIdLogScopeFilter(ILogger<GrainIdLogScopeFilter> logger) : IIncomingGrainCallFilter
{
    // The [GrainType] names of DeliveryGrain and DroneGrain.
    private static readonly GrainType Delivery = GrainType.Create("delivery");
    private static readonly GrainType Drone = GrainType.Create("drone");

    private static readonly Func<ILogger, string, IDisposable?> DeliveryScope = LoggerMessage.DefineScope<string>("DeliveryId:{DeliveryId}");
    private static readonly Func<ILogger, string, IDisposable?> DroneScope = LoggerMessage.DefineScope<string>("DroneId:{DroneId}");

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var type = context.TargetId.Type;
        if (type == Delivery)
        {
            return InvokeInScope(context, DeliveryScope(logger, context.TargetId.Key.ToString()));
        }

        return type == Drone ? InvokeInScope(context, DroneScope(logger, context.TargetId.Key.ToString())) : context.Invoke();
    }

    private static async Task InvokeInScope(IIncomingGrainCallContext context, IDisposable? scope)
    {
        using (scope)
        {
            await context.Invoke();
        }
    }
}
