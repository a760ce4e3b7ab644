namespace DroneDelivery.ServiceDefaults.Storage;

/// <summary>
/// Where Azure Storage is reached with a managed identity instead of a connection string.
/// Section <c>DroneDelivery:Storage</c>, read by silos and the gateway alike.
/// </summary>
/// <remarks>
/// A service URI switches that service to <c>DefaultAzureCredential</c> (workload identity in
/// AKS); without one, <c>ConnectionStrings:AzureStorage</c> is used as before, so Azurite and
/// the tests keep their connection string.
/// </remarks>
public sealed class AzureStorageOptions
{
    public const string SectionName = "DroneDelivery:Storage";

    /// <summary>
    /// Table service endpoint, e.g. <c>https://fabrikamdrones.table.core.windows.net</c>: membership,
    /// grain state, reminders, stream checkpoints. Default: none (the connection string).
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>
    /// Queue service endpoint, e.g. <c>https://fabrikamdrones.queue.core.windows.net</c>, used by
    /// the <c>AzureQueue</c> telemetry provider. Default: none (the connection string).
    /// </summary>
    public Uri? QueueServiceUri { get; set; }
}
