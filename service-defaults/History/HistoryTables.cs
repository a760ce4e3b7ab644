using System.Globalization;

namespace DroneDelivery.ServiceDefaults.History;

/// <summary>
/// The history tables and their keys, shared by the writer (silos) and the readers (gateways).
/// A business's month of deliveries is one partition, <c>{businessId}|{yyyy-MM}</c>, by the month
/// the delivery finished; its rows are keyed <c>{finish time in ticks, 19 digits}|{deliveryId}</c>,
/// so a partition reads oldest first and a time range is a row-key range. A drone's month of
/// flights is the partition <c>{droneId}|{yyyy-MM}</c> of the flights table, keyed by delivery id.
/// Every key derives from the finished delivery alone, which is what makes writes idempotent.
/// </summary>
public static class HistoryTables
{
    /// <summary>Finished deliveries, one row each.</summary>
    public const string Deliveries = "DroneDeliveryHistory";

    /// <summary>Flights, one row per delivery a drone flew for, for utilization.</summary>
    public const string Flights = "DroneDeliveryFlights";

    /// <summary>Separates the parts of a key; ids are letters, digits, '-' and '_', so never contain it.</summary>
    public const char Separator = '|';

    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    public static string DeliveryPartition(string businessId, int year, int month) => $"{businessId}{Separator}{Month(year, month)}";

    public static string DeliveryPartition(string businessId, DateTimeOffset finishedAt)
    {
        var utc = finishedAt.ToUniversalTime();
        return DeliveryPartition(businessId, utc.Year, utc.Month);
    }

    public static string DeliveryRow(DateTimeOffset finishedAt, string deliveryId) => $"{TimeKey(finishedAt)}{Separator}{deliveryId}";

    /// <summary>A time as a row-key prefix: UTC ticks, zero-padded so text order is time order.</summary>
    public static string TimeKey(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static string FlightPartition(string droneId, int year, int month) => $"{droneId}{Separator}{Month(year, month)}";

    public static string FlightPartition(string droneId, DateTimeOffset landedAt)
    {
        var utc = landedAt.ToUniversalTime();
        return FlightPartition(droneId, utc.Year, utc.Month);
    }
}
