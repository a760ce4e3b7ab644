namespace DroneDelivery.Tests.Processes;

/// <summary>
/// The multi-process fault tests run one at a time and alone: their system is some seven
/// processes, and on two cores a neighbour's load would only blur what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection : ICollectionFixture<ProcessSystemFixture>
{
    public const string Name = "Processes";
}
