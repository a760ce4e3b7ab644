using Azure.Data.Tables;
using DroneDelivery.Bench.Load;

namespace DroneDelivery.Bench.Scenarios;

/// <summary>
/// Raw Azure Table upserts against the same Azurite, at the same concurrency: what storage alone
/// allows, with no gateway or grain in the way. A grain write is one such upsert of its state.
/// </summary>
public static class TableUpsertCeiling
{
    /// <summary>About the size of a delivery's stored state.</summary>
    private static readonly string Payload = new('x', 1024);

    public static async Task<Measurement> RunAsync(string connectionString, int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("BenchUpserts");
        await table.CreateIfNotExistsAsync(cancellationToken);
        return await ClosedLoop.RunAsync("ceiling-table-upsert", "upsert", concurrency, warmup, duration, async (worker, ct) =>
        {
            var entity = new TableEntity($"p{worker % 16}", Guid.NewGuid().ToString("N")) { ["State"] = Payload };
            var response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
            return response.IsError ? Outcome.Error : Outcome.Ok;
        });
    }
}
