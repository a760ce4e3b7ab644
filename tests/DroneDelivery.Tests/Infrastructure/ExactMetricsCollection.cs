namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// Tests that read an exact value from a silo's <c>/metrics</c> run alone. The hosts of all the
/// other tests live in this same process, and a metrics provider sees every meter of a name in
/// the process and, of two instruments with one name, exports one: beside another test's silo,
/// a silo's scrape lacked its own gauge in 181 of 184 reads.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExactMetricsCollection
{
    public const string Name = "Exact metrics";
}
