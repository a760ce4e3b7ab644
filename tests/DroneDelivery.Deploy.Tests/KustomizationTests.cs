using DroneDelivery.Deploy.Tests.Infrastructure;
using k8s.Models;

namespace DroneDelivery.Deploy.Tests;

/// <summary>The manifests under <c>deploy/k8s</c> are valid Kubernetes objects, and the kustomizations hold together.</summary>
public sealed class KustomizationTests
{
    public static TheoryData<string> ManifestFiles() => [.. Manifest.AllFiles().Select(Repository.Relative)];

    public static TheoryData<string> Kustomizations() => [.. KustomizationDirectories()];

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Every_document_parses_strictly_into_the_Kubernetes_models(string file)
    {
        var documents = Manifest.Load(Repository.PathOf(file));

        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.False(string.IsNullOrEmpty(((k8s.IKubernetesObject<V1ObjectMeta>)d).Metadata?.Name), $"{file}: a document has no name."));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Every_file_a_kustomization_names_exists(string directory)
    {
        var root = Repository.PathOf(directory);
        var kustomization = Kustomization.Load(root);

        Assert.Equal("kustomize.config.k8s.io/v1beta1", kustomization.ApiVersion);
        Assert.Equal("Kustomization", kustomization.Kind);
        foreach (var resource in kustomization.Resources)
        {
            var path = Path.Combine(root, resource);
            Assert.True(File.Exists(path) || File.Exists(Path.Combine(path, Kustomization.FileName)), $"{directory}: resource {resource} does not exist.");
        }

        foreach (var file in kustomization.Patches.Select(p => p.Path).Concat(kustomization.ConfigMapGenerator.SelectMany(g => g.Envs)))
        {
            Assert.True(File.Exists(Path.Combine(root, file)), $"{directory}: {file} does not exist.");
        }
    }

    [Fact]
    public void Every_manifest_is_used_by_a_kustomization()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in KustomizationDirectories())
        {
            var root = Repository.PathOf(directory);
            var kustomization = Kustomization.Load(root);
            used.UnionWith(kustomization.Resources.Concat(kustomization.Patches.Select(p => p.Path)).Select(f => Path.GetFullPath(Path.Combine(root, f))));
        }

        Assert.All(Manifest.AllFiles(), f => Assert.True(used.Contains(f), $"{Repository.Relative(f)} is in no kustomization, so it is never deployed."));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Images_of_every_app_are_given_a_registry_and_tag(string overlay)
    {
        var tree = KustomizeTree.Load(Repository.PathOf(overlay));
        foreach (var workload in Workload.In(tree))
        {
            var image = Assert.Single(tree.Images, i => i.Name == workload.Container.Image);
            Assert.Matches(@"^[a-z0-9]+\.azurecr\.io/drone-delivery/", image.NewName);
            Assert.False(string.IsNullOrEmpty(image.NewTag), $"{overlay}: {image.Name} has no tag.");
        }
    }

    public static TheoryData<string> Overlays() => [.. KustomizeTree.Overlays().Select(Repository.Relative)];

    private static IEnumerable<string> KustomizationDirectories() =>
        Directory.EnumerateFiles(Repository.PathOf("deploy/k8s"), Kustomization.FileName, SearchOption.AllDirectories)
            .Select(f => Repository.Relative(Path.GetDirectoryName(f)!)).Order(StringComparer.Ordinal);
}
