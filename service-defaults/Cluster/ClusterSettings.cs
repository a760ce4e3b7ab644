using System.ComponentModel.DataAnnotations;
using System.Net;

namespace DroneDelivery.ServiceDefaults.Cluster;

/// <summary>
/// Which Orleans cluster a silo joins or a gateway connects to, and the silo's endpoints.
/// Section <c>DroneDelivery:Cluster</c>.
/// </summary>
public sealed class ClusterSettings : IValidatableObject
{
    public const string SectionName = "DroneDelivery:Cluster";

    /// <summary>The deployment; silos and clients of one cluster share it. Default: <c>local</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9-]{1,63}$")]
    public string ClusterId { get; set; } = "local";

    /// <summary>The service; stays the same across deployments so grain state and reminders carry over. Default: <c>drone-delivery</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9-]{1,63}$")]
    public string ServiceId { get; set; } = "drone-delivery";

    /// <summary>Address silos advertise to each other and to clients. Default: <c>127.0.0.1</c>.</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Listen on every interface instead of only <see cref="AdvertisedAddress"/> (containers).
    /// Default: false, so several silos can share one machine on loopback.
    /// </summary>
    public bool ListenOnAnyHostAddress { get; set; }

    /// <summary>Silo-to-silo port. Default: 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (the gateway) connect to. Default: 30000.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Silos run as pods of a Kubernetes Deployment: Orleans' Kubernetes hosting names each silo
    /// after its pod, takes the cluster and service ids from the pod's <c>orleans/clusterId</c> and
    /// <c>orleans/serviceId</c> labels (env <c>ORLEANS_CLUSTER_ID</c>, <c>ORLEANS_SERVICE_ID</c>), and
    /// declares silos dead as soon as their pods are gone. Default: false (local runs and tests).
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>
    /// The silo serves the Orleans Dashboard and collects its statistics. The dashboard reads every
    /// Orleans metric once a second, whether anyone watches or not: 8% of busy thread time in a
    /// profile of 10,000 drones. Silos that operators don't watch can turn it off. Default: true.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Other pods can't reach a silo that advertises loopback: give it the pod's IP (status.podIP).
        if (Kubernetes && IPAddress.TryParse(AdvertisedAddress, out var address) && IPAddress.IsLoopback(address))
        {
            yield return new ValidationResult(
                $"{SectionName}:AdvertisedAddress must be the pod's IP, not {AdvertisedAddress}, when {SectionName}:Kubernetes is true.",
                [nameof(AdvertisedAddress)]);
        }
    }
}
