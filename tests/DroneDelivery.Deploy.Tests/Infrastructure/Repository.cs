namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>Paths inside the repository, found by walking up from the test binaries to DroneDelivery.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>A path given with forward slashes, relative to the repository root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A repository path with forward slashes, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string FindRoot()
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
