using k8s.Models;

namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>
/// One app's container as an overlay deploys it: the Deployment, and the environment the process
/// gets from its image, its ConfigMaps and its own <c>env</c> (later ones win, as in Kubernetes),
/// with the overlay's patches applied.
/// </summary>
internal sealed class Workload
{
    /// <summary>What a pod's IP looks like in the samples the hosts are built with.</summary>
    public const string SamplePodIp = "10.244.3.17";

    private Workload(KustomizeTree tree, V1Deployment deployment, App app, V1Container container)
    {
        Tree = tree;
        Deployment = deployment;
        App = app;
        Container = container;
        Environment = Collect();
    }

    public KustomizeTree Tree { get; }
    public V1Deployment Deployment { get; }
    public App App { get; }
    public V1Container Container { get; }
    public IDictionary<string, string> PodLabels => Deployment.Spec.Template.Metadata.Labels;

    /// <summary>Each variable the process gets, with where it comes from.</summary>
    public IReadOnlyDictionary<string, Setting> Environment { get; }

    public static IEnumerable<Workload> In(KustomizeTree tree) =>
        tree.ResourcesOf<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers.Select(c => new Workload(tree, d, App.ForImage(c.Image), c)));

    public static Workload Of(KustomizeTree tree, App app) => In(tree).Single(w => w.App == app);

    /// <summary>
    /// The environment as configuration a pod would have, with sample values where the cluster fills
    /// them in: the pod's IP and labels, and a 32-character key for each secret that must exist.
    /// Optional secrets are left out, as in a cluster where they are not set.
    /// </summary>
    public Dictionary<string, string> SampleConfiguration()
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, setting) in Environment)
        {
            var value = setting.Resolve(this);
            if (value is not null)
            {
                values[ConfigurationKeys.FromEnvironmentVariable(name)] = value;
            }
        }

        return values;
    }

    public override string ToString() => $"{App.Name} ({Path.GetFileName(Tree.Directory)})";

    private Dictionary<string, Setting> Collect()
    {
        var settings = new Dictionary<string, Setting>(StringComparer.Ordinal);
        foreach (var (name, value) in Dockerfile.Environment(Dockerfile.Load(Repository.PathOf(App.Dockerfile)).Final))
        {
            settings[name] = new Setting("image", value, null);
        }

        foreach (var source in Container.EnvFrom ?? [])
        {
            var configMap = source.ConfigMapRef?.Name ?? throw new InvalidOperationException($"{this}: only ConfigMaps are read with envFrom.");
            Assert.True(Tree.ConfigMaps.TryGetValue(configMap, out var data), $"{this}: the ConfigMap {configMap} is not generated.");
            foreach (var (name, value) in data)
            {
                settings[name] = new Setting($"ConfigMap {configMap}", value, null);
            }
        }

        var env = (Container.Env ?? []).ToList();
        foreach (var patch in Tree.DeploymentPatches(Deployment.Metadata.Name))
        {
            env.AddRange(patch.Spec?.Template?.Spec?.Containers?.Where(c => c.Name == Container.Name).SelectMany(c => c.Env ?? []) ?? []);
        }

        foreach (var variable in env)
        {
            settings[variable.Name] = new Setting("env", variable.Value, variable.ValueFrom);
        }

        return settings;
    }

    /// <summary>One variable: a literal value, or a reference the cluster resolves.</summary>
    internal sealed record Setting(string Origin, string? Value, V1EnvVarSource? From)
    {
        public bool IsOptionalSecret => From?.SecretKeyRef?.Optional == true;

        public string? Resolve(Workload workload)
        {
            if (From is null)
            {
                return Value;
            }

            if (From.SecretKeyRef is { } secret)
            {
                return secret.Optional == true ? null : $"sample-{secret.Key}".PadRight(32, 'x');
            }

            var field = From.FieldRef?.FieldPath ?? throw new InvalidOperationException($"{workload}: unsupported valueFrom.");
            if (field.StartsWith("metadata.labels['", StringComparison.Ordinal))
            {
                var label = field["metadata.labels['".Length..^2];
                Assert.True(workload.PodLabels.TryGetValue(label, out var value), $"{workload}: the pod has no label {label} for {field}.");
                return value;
            }

            return field switch
            {
                "status.podIP" => SamplePodIp,
                "metadata.name" => $"{workload.App.Name}-5d8f7c9b4-x2k8q",
                "metadata.namespace" => workload.Tree.Namespace ?? "default",
                _ => throw new InvalidOperationException($"{workload}: unsupported fieldRef {field}."),
            };
        }
    }
}
