using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace DroneDelivery.GrainInterfaces.Errors;

/// <summary>
/// Lets the exceptions Orleans' own runtime throws cross between hosts. Orleans serialises
/// exceptions only from the Microsoft, System and Azure namespaces, yet its placement timeout (a
/// <see cref="TimeoutException"/>) carries Polly's <c>TimeoutRejectedException</c> inside. Without
/// Polly's namespace a silo cannot send that timeout back, and its caller gets a
/// <see cref="CodecNotFoundException"/> instead: at the gateway, a 500 rather than a 503.
/// Silos and gateways both add it.
/// </summary>
public static class RuntimeExceptionSerialization
{
    public const string PollyNamespace = "Polly";

    public static IServiceCollection AddRuntimeExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add(PollyNamespace));
}
