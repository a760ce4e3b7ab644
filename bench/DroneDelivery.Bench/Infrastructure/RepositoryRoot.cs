namespace DroneDelivery.Bench.Infrastructure;

/// <summary>Locates the repository (the folder holding DroneDelivery.sln) and the Azurite binaries the run scripts install.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root above the working directory or the binaries; null when run from elsewhere.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DroneDelivery.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>An Azurite service binary: the environment variable if set, else <c>.local/tools/node_modules/.bin/{name}</c>.</summary>
    public static string AzuriteBinary(string variable, string name)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(path) && Find() is { } root)
        {
            path = Path.Combine(root, ".local", "tools", "node_modules", ".bin", name);
        }

        return path is not null && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{name} was not found (set {variable}, or run deploy/local/install-azurite.sh).");
    }
}
