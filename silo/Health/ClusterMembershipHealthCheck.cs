using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace DroneDelivery.Silo.Health;

/// <summary>Ready once this silo is an active member of the cluster, and only while it stays one.</summary>
public sealed class ClusterMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"This silo is {status} in the cluster, not Active."));
    }
}
