using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>
/// The part of a kustomization.yaml this repository uses. Read strictly: a field kustomize
/// doesn't have (or one these tests don't understand yet) fails the read rather than being skipped.
/// </summary>
internal sealed class Kustomization
{
    public const string FileName = "kustomization.yaml";

    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Namespace { get; set; }
    public List<string> Resources { get; set; } = [];
    public List<LabelSet> Labels { get; set; } = [];
    public List<Image> Images { get; set; } = [];
    public List<Generator> ConfigMapGenerator { get; set; } = [];
    public List<Patch> Patches { get; set; } = [];

    public static Kustomization Load(string directory)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return deserializer.Deserialize<Kustomization>(File.ReadAllText(Path.Combine(directory, FileName)));
    }

    public sealed class LabelSet
    {
        public Dictionary<string, string> Pairs { get; set; } = [];
        public bool IncludeSelectors { get; set; }
        public bool IncludeTemplates { get; set; }
    }

    public sealed class Image
    {
        public string Name { get; set; } = "";
        public string? NewName { get; set; }
        public string? NewTag { get; set; }
    }

    public sealed class Generator
    {
        public string Name { get; set; } = "";
        public string? Behavior { get; set; }
        public List<string> Envs { get; set; } = [];
        public List<string> Literals { get; set; } = [];
    }

    public sealed class Patch
    {
        public string Path { get; set; } = "";
    }
}
