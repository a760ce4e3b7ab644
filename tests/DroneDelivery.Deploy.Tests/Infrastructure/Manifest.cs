using k8s;

namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>Kubernetes YAML files, read strictly into the KubernetesClient models: an unknown field or kind fails.</summary>
internal static class Manifest
{
    public static IReadOnlyList<object> Load(string path) => KubernetesYaml.LoadAllFromString(File.ReadAllText(path), typeMap: null, strict: true);

    /// <summary>Every YAML file under <c>deploy/k8s</c> except the kustomizations.</summary>
    public static IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(Repository.PathOf("deploy/k8s"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != Kustomization.FileName)
            .Order(StringComparer.Ordinal);
}
