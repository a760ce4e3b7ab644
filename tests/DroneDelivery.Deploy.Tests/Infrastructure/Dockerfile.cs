using System.Text.RegularExpressions;

namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>A Dockerfile read as its instructions (continuations joined, comments dropped), grouped by stage.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(string path, List<Stage> stages)
    {
        Path = path;
        Stages = stages;
    }

    public string Path { get; }

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The stage the image is made of.</summary>
    public Stage Final => Stages[^1];

    public static Dockerfile Load(string path)
    {
        var stages = new List<Stage>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            var text = pending + line;
            pending = "";
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new Instruction(text[..space].ToUpperInvariant(), text[(space + 1)..].Trim());
            if (instruction.Keyword == "FROM")
            {
                var from = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new Stage(from[0], from.Length == 3 && from[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? from[2] : null));
            }

            Assert.True(stages.Count > 0, $"{Repository.Relative(path)}: '{text}' comes before any FROM.");
            stages[^1].Instructions.Add(instruction);
        }

        return new Dockerfile(path, stages);
    }

    /// <summary><c>ENV</c> of a stage: <c>KEY=VALUE</c> pairs, several to an instruction.</summary>
    public static Dictionary<string, string> Environment(Stage stage) =>
        stage.Instructions.Where(i => i.Keyword == "ENV")
            .SelectMany(i => EnvPair().Matches(i.Arguments))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value.Trim('"'), StringComparer.Ordinal);

    [GeneratedRegex("""(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>"[^"]*"|\S+)""")]
    private static partial Regex EnvPair();

    public sealed record Stage(string Image, string? Name)
    {
        public List<Instruction> Instructions { get; } = [];

        public IEnumerable<Instruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);
    }

    public sealed record Instruction(string Keyword, string Arguments)
    {
        /// <summary>Arguments split on spaces, with <c>--flag</c> options left out.</summary>
        public IReadOnlyList<string> Words => [.. Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal))];

        public IReadOnlyList<string> Flags => [.. Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith("--", StringComparison.Ordinal))];
    }
}
