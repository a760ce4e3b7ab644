using DroneDelivery.GrainInterfaces;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Fleet;
using DroneDelivery.Grains.Geo;
using DroneDelivery.Tests.Infrastructure;
using Orleans.Providers;
using Orleans.Storage;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// A cell's roster, kept in slices on Azurite, across silo restarts: every drone of the cell is
/// indexed again by its rebuilt scheduler and listed to operators, including drones of a roster
/// stored in the single-row shape of earlier versions.
/// </summary>
public sealed class FleetRosterTests : IAsyncLifetime
{
    private const int Drones = 60;
    private const int StoredTheOldWay = 15;

    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await DroneDeliveryCluster.StartAsync(silos: 1);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task After_restarts_every_drone_of_a_cell_is_indexed_and_listed_also_those_of_a_single_row_roster()
    {
        var area = TestArea.Next();
        var cell = RegionCell.Of(new Location(area.Lat, area.Lon)).Key;
        var ids = Enumerable.Range(0, Drones).Select(i => $"roster-{i:D3}").ToList();
        using (var ops = _cluster.CreateOperatorClient())
        {
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                await Api.RegisterDroneAsync(ops, id, area.At(i % 5, i / 5 % 5));
            }
        }

        Assert.True(ids.Select(CellRosterShards.Of).Distinct().Count() > 1, "the drones should span several slices");

        // Some drones as an earlier version stored them: in the cell roster's own row, in no slice.
        var oldWay = ids.Take(StoredTheOldWay).ToList();
        foreach (var id in oldWay)
        {
            await _cluster.Grains.GetGrain<ICellRosterGrain>(cell).WithdrawAsync(id);
        }

        await WriteSingleRowRosterAsync(cell, oldWay);

        await RestartAsync();
        Assert.Equal(Drones, await IndexedAsync(cell));
        Assert.Equal(ids.Order(StringComparer.Ordinal), await ListedAsync(ids));

        // Moved for good: a drone retired now stays retired through the next restart.
        using (var ops = _cluster.CreateOperatorClient())
        {
            Assert.True((await ops.DeleteAsync(new Uri($"/api/drones/{oldWay[0]}", UriKind.Relative))).IsSuccessStatusCode);
        }

        await RestartAsync();
        Assert.Equal(Drones - 1, await IndexedAsync(cell));
        Assert.Equal(ids.Skip(1).Order(StringComparer.Ordinal), await ListedAsync(ids));
    }

    /// <summary>Writes the roster row exactly as the single-row grain did, through the silo's own storage.</summary>
    private async Task WriteSingleRowRosterAsync(string cell, IReadOnlyList<string> ids)
    {
        var storage = _cluster.SiloServices.First().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var row = new GrainState<SortedIdsState>(new SortedIdsState());
        var grainId = GrainId.Create("cell-roster", cell);
        await storage.ReadStateAsync("roster", grainId, row);
        var roster = row.State ?? new SortedIdsState();
        foreach (var id in ids)
        {
            roster.Add(id);
        }

        row.State = roster;

        await storage.WriteStateAsync("roster", grainId, row);
    }

    private async Task RestartAsync()
    {
        await _cluster.StopProcessesAsync();
        await _cluster.StartProcessesAsync(silos: 1);
    }

    /// <summary>The drones the cell's scheduler knows once it has rebuilt its index.</summary>
    private async Task<int> IndexedAsync(string cell)
    {
        var summary = await _cluster.Grains.GetGrain<ISchedulerGrain>(cell).GetCellSummaryAsync();
        return summary.DronesByStatus.Values.Sum();
    }

    /// <summary>The fleet list as an operator pages through it, narrowed to this test's drones.</summary>
    private async Task<List<string>> ListedAsync(IReadOnlyCollection<string> ours)
    {
        using var ops = _cluster.CreateOperatorClient();
        var listed = new List<string>();
        string? token = null;
        do
        {
            var page = await Api.GetAsync(ops, "/api/drones?limit=25" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            listed.AddRange(page["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).Where(ours.Contains));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        return listed;
    }
}
