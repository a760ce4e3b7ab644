using k8s;
using k8s.Models;

namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>
/// What a kustomization puts together, followed through its resources, without running kustomize:
/// the objects, the patches on them, the generated ConfigMaps' data and the namespace.
/// </summary>
internal sealed class KustomizeTree
{
    public required string Directory { get; init; }
    public string? Namespace { get; private set; }
    public List<(string File, IKubernetesObject Object)> Resources { get; } = [];
    public List<(string File, IKubernetesObject Object)> Patches { get; } = [];
    public Dictionary<string, Dictionary<string, string>> ConfigMaps { get; } = [];
    public List<Kustomization.Image> Images { get; } = [];

    /// <summary>Every overlay under <c>deploy/k8s/overlays</c>.</summary>
    public static IEnumerable<string> Overlays() =>
        System.IO.Directory.EnumerateDirectories(Repository.PathOf("deploy/k8s/overlays")).Order(StringComparer.Ordinal);

    public static KustomizeTree Load(string directory)
    {
        var tree = new KustomizeTree { Directory = directory };
        tree.Add(directory);
        return tree;
    }

    public IEnumerable<T> ResourcesOf<T>() => Resources.Select(r => r.Object).OfType<T>();

    public V1Deployment Deployment(string name) => ResourcesOf<V1Deployment>().Single(d => d.Metadata.Name == name);

    /// <summary>The patches on the Deployment <paramref name="name"/>, in order.</summary>
    public IEnumerable<V1Deployment> DeploymentPatches(string name) =>
        Patches.Select(p => p.Object).OfType<V1Deployment>().Where(d => d.Metadata.Name == name);

    private void Add(string directory)
    {
        var kustomization = Kustomization.Load(directory);
        Namespace ??= kustomization.Namespace;
        foreach (var resource in kustomization.Resources)
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource));
            if (System.IO.Directory.Exists(path))
            {
                Add(path);
            }
            else
            {
                Resources.AddRange(Manifest.Load(path).Cast<IKubernetesObject>().Select(o => (path, o)));
            }
        }

        foreach (var generator in kustomization.ConfigMapGenerator)
        {
            if (!ConfigMaps.TryGetValue(generator.Name, out var data) || generator.Behavior is not ("merge" or "replace"))
            {
                ConfigMaps[generator.Name] = data = new(StringComparer.Ordinal);
            }

            foreach (var env in generator.Envs)
            {
                foreach (var (key, value) in EnvFile.Read(Path.Combine(directory, env)))
                {
                    data[key] = value;
                }
            }
        }

        Patches.AddRange(kustomization.Patches.SelectMany(p =>
        {
            var path = Path.GetFullPath(Path.Combine(directory, p.Path));
            return Manifest.Load(path).Cast<IKubernetesObject>().Select(o => (path, o));
        }));
        Images.AddRange(kustomization.Images);
    }
}
