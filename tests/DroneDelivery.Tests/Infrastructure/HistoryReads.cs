using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>Reading the history as a client does, through every page, and as storage holds it.</summary>
internal static class HistoryReads
{
    /// <summary>The business's whole history once every delivery of the run is in it: records are written just after the finish.</summary>
    public static async Task<List<JsonNode>> RecordedAsync(HttpClient business, HistoryScenario run) =>
        await Eventually.Until(
            () => ListAllAsync(business, ""),
            items => items.Count == run.Deliveries.Count,
            TimeSpan.FromSeconds(30),
            "every finished delivery to be in the history");

    public static async Task<List<JsonNode>> ListAllAsync(HttpClient client, string query)
    {
        var all = new List<JsonNode>();
        string? token = null;
        do
        {
            var page = await Api.GetAsync(client, $"/api/businesses/me/deliveries?limit=500&{query}" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            all.AddRange(page["items"]!.AsArray().Select(i => i!));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        return all;
    }

    public static async Task<List<TableEntity>> RowsAsync(TableServiceClient tables, string table, string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in tables.GetTableClient(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static string Id(JsonNode item) => item["id"]!.GetValue<string>();

    public static DateTimeOffset FinishedAt(JsonNode item) => item["finishedAt"]!.GetValue<DateTimeOffset>();
}
