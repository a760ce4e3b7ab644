using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DroneDelivery.Bench.Reporting;

/// <summary>Writes a scenario's JSON (every figure) and a Markdown table of it, named by date and scenario.</summary>
public static class ResultWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <returns>The path of the JSON file.</returns>
    public static async Task<string> WriteAsync(ScenarioReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{report.StartedAt.UtcDateTime:yyyy-MM-dd}-{report.Scenario}");
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(report, Json) + "\n", cancellationToken);
        await File.WriteAllTextAsync(stem + ".md", Markdown(report), cancellationToken);
        return stem + ".json";
    }

    public static string Markdown(ScenarioReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark: {report.Scenario}, {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{m.Cores} cores, {m.Os} ({m.Architecture}), {m.Runtime}, server GC {m.ServerGc}, commit `{m.Commit ?? "unknown"}`.");
        md.AppendLine("Settings: " + string.Join(", ", report.Settings.Select(s => $"{s.Key} {s.Value}")) + ".");
        foreach (var run in report.Runs)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {run.Label}");
            md.AppendLine();
            md.AppendLine("| measured | unit | per second | marked per second | ok | errors | p50 ms | p95 ms | p99 ms |");
            md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var x in run.Measurements)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {x.Name} | {x.Unit} | {x.PerSecond:0.#} | {x.MarkedPerSecond:0.#} | {x.Operations} | {x.Errors} | {x.P50Ms:0.##} | {x.P95Ms:0.##} | {x.P99Ms:0.##} |");
            }

            md.AppendLine();
            md.AppendLine("| ratio | value |");
            md.AppendLine("| --- | ---: |");
            foreach (var (name, value) in run.Ratios)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value:0.####} |");
            }
        }

        return md.ToString();
    }
}
