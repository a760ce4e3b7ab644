using Azure.Core;
using Azure.Identity;

namespace DroneDelivery.ServiceDefaults.Identity;

/// <summary>The one credential a process signs in to Azure with, when no connection string is configured.</summary>
public static class AzureCredentials
{
    // One instance per process, so every client shares its token cache rather than each asking
    // the identity endpoint for its own tokens.
    private static readonly Lazy<TokenCredential> Shared = new(() => new DefaultAzureCredential());

    /// <summary>
    /// <c>DefaultAzureCredential</c>: workload identity in AKS (the pod's service account names the
    /// managed identity), a managed identity on a VM, a developer's Azure CLI sign-in elsewhere.
    /// </summary>
    public static TokenCredential Default => Shared.Value;
}
