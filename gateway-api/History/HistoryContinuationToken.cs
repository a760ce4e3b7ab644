using System.Buffers.Text;
using System.Text;
using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.ServiceDefaults.History;

namespace DroneDelivery.GatewayApi.History;

/// <summary>
/// Where a history listing stopped: the table keys of the last delivery returned. The next page
/// starts right after it, so pages never overlap or skip, whatever is written meanwhile to later
/// times. Opaque to clients, and only valid for the business it was issued to.
/// </summary>
public readonly record struct HistoryContinuationToken(string PartitionKey, string RowKey)
{
    private const string Version = "h1";

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}\n{PartitionKey}\n{RowKey}"));

    /// <summary>Null for no token; a 400 for a token this API did not issue to <paramref name="businessId"/>.</summary>
    public static HistoryContinuationToken? Decode(string? token, string businessId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            if (parts is [Version, var partition, var row]
                && partition.StartsWith(businessId + HistoryTables.Separator, StringComparison.Ordinal)
                && row.Length > 0)
            {
                return new HistoryContinuationToken(partition, row);
            }
        }
        catch (FormatException)
        {
        }

        throw DomainException.Invalid("continuationToken", "The continuation token is not one this API issued.");
    }
}
