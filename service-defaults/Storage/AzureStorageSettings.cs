namespace DroneDelivery.ServiceDefaults.Storage;

/// <summary>The Azure Storage connection used for clustering, grain state and reminders.</summary>
public static class AzureStorageSettings
{
    /// <summary>Name of the connection string: <c>ConnectionStrings:AzureStorage</c>.</summary>
    public const string ConnectionStringName = "AzureStorage";

    /// <summary>Azurite on its standard loopback ports.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";
}
