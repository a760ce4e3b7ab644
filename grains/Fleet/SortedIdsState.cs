namespace DroneDelivery.Grains.Fleet;

/// <summary>A persisted, ordinally sorted set of ids.</summary>
[GenerateSerializer, Alias("SortedIdsState")]
public sealed class SortedIdsState
{
    [Id(0)] public List<string> Ids { get; set; } = [];

    /// <summary>Adds <paramref name="id"/> in order; false if it was already there.</summary>
    public bool Add(string id)
    {
        var index = Ids.BinarySearch(id, StringComparer.Ordinal);
        if (index >= 0)
        {
            return false;
        }

        Ids.Insert(~index, id);
        return true;
    }

    public bool Remove(string id)
    {
        var index = Ids.BinarySearch(id, StringComparer.Ordinal);
        if (index < 0)
        {
            return false;
        }

        Ids.RemoveAt(index);
        return true;
    }
}
