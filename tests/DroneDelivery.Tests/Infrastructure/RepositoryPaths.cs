namespace DroneDelivery.Tests.Infrastructure;

/// <summary>Finds the tools the tests run, from the environment or relative to the repository.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding DroneDelivery.sln, found by walking up from the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DroneDelivery.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("DroneDelivery.sln was not found above the test binaries.");
        }
    }

    /// <summary>Azurite's table service: <c>AZURITE_TABLE_BIN</c>, else the copy the install script puts under <c>.local/tools</c>.</summary>
    public static string AzuriteTable() => Tool("AZURITE_TABLE_BIN", "azurite-table");

    /// <summary>Azurite's queue service: <c>AZURITE_QUEUE_BIN</c>, else the copy under <c>.local/tools</c>.</summary>
    public static string AzuriteQueue() => Tool("AZURITE_QUEUE_BIN", "azurite-queue");

    private static string Tool(string variable, string name)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(path))
        {
            path = Path.Combine(Root, ".local", "tools", "node_modules", ".bin", name);
        }

        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Azurite was not found at {path}; run deploy/local/install-azurite.sh (the test command does).");
    }
}
