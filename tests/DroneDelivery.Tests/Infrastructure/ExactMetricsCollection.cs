namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// Tests that read an exact value from a silo's <c>/metrics</c> run alone. The hosts of all the
/// other tests live in this same process, and a metrics provider sees every meter of a name in
/// the process: of two instruments with one name it exports the first, so a silo could export
/// another test's gauge, and lose it altogether when that test's silo is gone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExactMetricsCollection
{
    public const string Name = "Exact metrics";
}
