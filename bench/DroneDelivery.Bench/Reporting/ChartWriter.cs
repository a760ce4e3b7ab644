using System.Globalization;
using ScottPlot;

namespace DroneDelivery.Bench.Reporting;

/// <summary>A PNG bar chart per scenario: every figure per second, the scenario's beside its ceilings, one group per run.</summary>
public static class ChartWriter
{
    private static readonly Color Measured = Color.FromHex("#1f77b4");
    private static readonly Color Ceiling = Color.FromHex("#b0b0b0");

    /// <returns>The path of the PNG.</returns>
    public static string Write(ScenarioReport report, string directory)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var position = 0.0;
        foreach (var run in report.Runs)
        {
            foreach (var m in run.Measurements.Reverse())
            {
                var isCeiling = m.Name.StartsWith("ceiling-", StringComparison.Ordinal);
                bars.Add(new Bar
                {
                    Position = position,
                    Value = m.PerSecond,
                    FillColor = isCeiling ? Ceiling : Measured,
                    Label = m.PerSecond.ToString("#,0", CultureInfo.InvariantCulture) + $" {m.Unit}/s",
                    Orientation = Orientation.Horizontal,
                });
                ticks.Add(new Tick(position, report.Runs.Count > 1 ? $"{m.Name} ({run.Label})" : m.Name));
                position++;
            }

            position += 0.5;
        }

        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Margins(left: 0, right: 0.3);
        plot.Title($"{report.Scenario}: throughput against same-run ceilings ({report.Machine.Cores} cores)");
        plot.XLabel("per second");

        var path = Path.Combine(directory, $"{report.StartedAt.UtcDateTime:yyyy-MM-dd}-{report.Scenario}.png");
        plot.SavePng(path, 1000, 120 + (40 * bars.Count));
        return path;
    }
}
