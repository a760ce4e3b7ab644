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

    /// <summary>
    /// A host's built assembly (e.g. <c>silo</c>, <c>DroneDelivery.Silo</c>), in the same configuration
    /// and target framework as the running binaries, which are built in the same solution build.
    /// </summary>
    public static string BuiltAssembly(string projectFolder, string assemblyName)
    {
        var running = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = running.Name;
        var configuration = running.Parent!.Name;
        var path = Path.Combine(Root, projectFolder, "bin", configuration, framework, assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{assemblyName} was not built at {path}; build the solution in {configuration} first.");
    }

    /// <summary>Where a run writes what it leaves for diagnosis: <c>.local/test-results/{what}</c>.</summary>
    public static string Results(string what) =>
        Directory.CreateDirectory(Path.Combine(Root, ".local", "test-results", what)).FullName;

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
