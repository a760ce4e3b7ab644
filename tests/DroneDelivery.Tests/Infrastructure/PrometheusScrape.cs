using System.Globalization;
using System.Text.RegularExpressions;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>Reads the Prometheus text format that silos and gateways serve at <c>/metrics</c>.</summary>
internal static partial class PrometheusScrape
{
    /// <summary>Every silo's <c>/metrics</c>: a silo exports only what its own grains recorded.</summary>
    public static Task<string[]> SilosAsync(DroneDeliveryCluster cluster, HttpClient http) =>
        Task.WhenAll(cluster.SiloAddresses.Select(silo => http.GetStringAsync(new Uri(silo, "/metrics"))));

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels contain <paramref name="label"/>.</summary>
    public static double Sum(string scrape, string name, string label = "") =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
