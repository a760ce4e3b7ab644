namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary><c>deploy/azure/main.bicep</c> compiled once for all the tests of a class.</summary>
public sealed class MainTemplateBuild : IAsyncLifetime
{
    public static readonly string TemplatePath = Repository.PathOf("deploy/azure/main.bicep");

    internal BicepBuild Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await Bicep.BuildAsync(TemplatePath);

    public Task DisposeAsync() => Task.CompletedTask;
}
