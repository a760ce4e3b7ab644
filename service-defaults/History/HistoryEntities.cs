using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.ServiceDefaults.History;

/// <summary>How history records become table rows and back.</summary>
public static class HistoryEntities
{
    /// <summary>
    /// A string property holds at most 64 KiB, i.e. 32K UTF-16 characters. Milestones beyond this
    /// (a delivery rescheduled many times) lose their middle ones; the first and the last stay.
    /// </summary>
    public const int MaxMilestonesChars = 30_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TableEntity ToEntity(DeliveryHistoryRecord record)
    {
        var (milestones, truncated) = MilestonesJson(record.Milestones);
        var entity = new TableEntity(
            HistoryTables.DeliveryPartition(record.OwnerId, record.FinishedAt),
            HistoryTables.DeliveryRow(record.FinishedAt, record.DeliveryId))
        {
            [nameof(record.DeliveryId)] = record.DeliveryId,
            [nameof(record.OwnerId)] = record.OwnerId,
            [nameof(record.PackageId)] = record.PackageId,
            [nameof(record.PackageSize)] = record.PackageSize.ToString(),
            [nameof(record.WeightKg)] = record.WeightKg,
            [nameof(record.FinalStage)] = record.FinalStage.ToString(),
            [nameof(record.RequestedAt)] = record.RequestedAt,
            [nameof(record.FinishedAt)] = record.FinishedAt,
            [nameof(record.DistanceKm)] = record.DistanceKm,
            [nameof(record.Milestones)] = milestones,
            ["MilestonesTruncated"] = truncated,
        };

        // Tables store no nulls: an absent column reads back as null.
        AddIfSet(entity, nameof(record.DroneId), record.DroneId);
        AddIfSet(entity, nameof(record.ScheduledAt), record.ScheduledAt);
        AddIfSet(entity, nameof(record.PickedUpAt), record.PickedUpAt);
        AddIfSet(entity, nameof(record.Deadline), record.Deadline);
        AddIfSet(entity, nameof(record.TookOffAt), record.TookOffAt);
        AddIfSet(entity, nameof(record.OnTime), record.OnTime);
        return entity;
    }

    public static DeliveryHistoryRecord FromEntity(TableEntity entity) => new(
        entity.GetString(nameof(DeliveryHistoryRecord.DeliveryId)),
        entity.GetString(nameof(DeliveryHistoryRecord.OwnerId)),
        entity.GetString(nameof(DeliveryHistoryRecord.PackageId)),
        Enum.Parse<PackageSize>(entity.GetString(nameof(DeliveryHistoryRecord.PackageSize))),
        entity.GetDouble(nameof(DeliveryHistoryRecord.WeightKg)) ?? 0,
        entity.GetString(nameof(DeliveryHistoryRecord.DroneId)),
        Enum.Parse<DeliveryStage>(entity.GetString(nameof(DeliveryHistoryRecord.FinalStage))),
        entity.GetDateTimeOffset(nameof(DeliveryHistoryRecord.RequestedAt)) ?? default,
        entity.GetDateTimeOffset(nameof(DeliveryHistoryRecord.ScheduledAt)),
        entity.GetDateTimeOffset(nameof(DeliveryHistoryRecord.PickedUpAt)),
        entity.GetDateTimeOffset(nameof(DeliveryHistoryRecord.FinishedAt)) ?? default,
        entity.GetDateTimeOffset(nameof(DeliveryHistoryRecord.Deadline)),
        entity.GetDouble(nameof(DeliveryHistoryRecord.DistanceKm)) ?? 0,
        entity.GetDateTimeOffset(nameof(DeliveryHistoryRecord.TookOffAt)),
        entity.GetString(nameof(DeliveryHistoryRecord.Milestones)) is { } json
            ? JsonSerializer.Deserialize<List<Milestone>>(json, Json) ?? []
            : []);

    /// <summary>The flight behind a finished delivery; null if no drone took off for it.</summary>
    public static FlightHistory? Flight(DeliveryHistoryRecord record) =>
        record is { DroneId: { } droneId, TookOffAt: { } tookOff }
            ? new FlightHistory(droneId, record.DeliveryId, tookOff, record.FinishedAt, record.DistanceKm)
            : null;

    public static TableEntity ToEntity(FlightHistory flight) =>
        new(HistoryTables.FlightPartition(flight.DroneId, flight.LandedAt), flight.DeliveryId)
        {
            [nameof(flight.DroneId)] = flight.DroneId,
            [nameof(flight.DeliveryId)] = flight.DeliveryId,
            [nameof(flight.TookOffAt)] = flight.TookOffAt,
            [nameof(flight.LandedAt)] = flight.LandedAt,
            [nameof(flight.DistanceKm)] = flight.DistanceKm,
        };

    public static FlightHistory FlightFromEntity(TableEntity entity) => new(
        entity.GetString(nameof(FlightHistory.DroneId)),
        entity.GetString(nameof(FlightHistory.DeliveryId)),
        entity.GetDateTimeOffset(nameof(FlightHistory.TookOffAt)) ?? default,
        entity.GetDateTimeOffset(nameof(FlightHistory.LandedAt)) ?? default,
        entity.GetDouble(nameof(FlightHistory.DistanceKm)) ?? 0);

    /// <summary>The milestones as JSON within the property limit, and whether some had to be left out.</summary>
    public static (string Json, bool Truncated) MilestonesJson(IReadOnlyList<Milestone> milestones)
    {
        var json = JsonSerializer.Serialize(milestones, Json);
        if (json.Length <= MaxMilestonesChars || milestones.Count <= 2)
        {
            return (json, false);
        }

        // Each milestone's length, once: drop from just after the first until the rest fit ("[", "]" and commas included).
        var lengths = milestones.Select(m => JsonSerializer.Serialize(m, Json).Length + 1).ToList();
        var total = lengths.Sum() + 1;
        var drop = 0;
        while (total > MaxMilestonesChars && drop < milestones.Count - 2)
        {
            total -= lengths[1 + drop];
            drop++;
        }

        List<Milestone> kept = [milestones[0], .. milestones.Skip(1 + drop)];
        return (JsonSerializer.Serialize(kept, Json), true);
    }

    private static void AddIfSet<T>(TableEntity entity, string name, T? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }
}
