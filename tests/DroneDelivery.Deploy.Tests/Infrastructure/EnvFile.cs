namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>A kustomize <c>envs</c> file: <c>KEY=VALUE</c> lines, <c>#</c> comments and blank lines.</summary>
internal static class EnvFile
{
    public static IEnumerable<KeyValuePair<string, string>> Read(string path)
    {
        foreach (var line in File.ReadAllLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"{Repository.Relative(path)}: '{line}' is not KEY=VALUE.");
            yield return KeyValuePair.Create(trimmed[..equals], trimmed[(equals + 1)..]);
        }
    }
}
