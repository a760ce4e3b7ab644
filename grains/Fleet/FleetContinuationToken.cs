using System.Buffers.Text;
using System.Text;
using DroneDelivery.GrainInterfaces.Errors;

namespace DroneDelivery.Grains.Fleet;

/// <summary>Where a fleet listing stopped: the cell and the last drone id returned. Opaque to clients.</summary>
internal readonly record struct FleetContinuationToken(string CellKey, string LastDroneId)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CellKey}\n{LastDroneId}"));

    public static FleetContinuationToken? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
            {
                return new FleetContinuationToken(parts[0], parts[1]);
            }
        }
        catch (FormatException)
        {
        }

        throw DomainException.Invalid("continuationToken", "The continuation token is not one this API issued.");
    }
}
