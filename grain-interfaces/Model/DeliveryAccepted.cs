using System.Globalization;
using System.Text;

namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>The answer to a delivery request; a repeat of the request gets the delivery as it is now.</summary>
[GenerateSerializer, Immutable, Alias("DeliveryAccepted")]
public sealed record DeliveryAccepted(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] DeliveryStage Stage,
    [property: Id(2)] string TrackingToken,
    [property: Id(3)] string? DroneId,
    [property: Id(4)] DateTimeOffset? PickupEta,
    [property: Id(5)] DateTimeOffset? DeliveryEta)
{
    // Orleans traces messages with their bodies: the token is left out of the text.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"DeliveryId = {DeliveryId}, Stage = {Stage}, TrackingToken = ***, DroneId = {DroneId}, PickupEta = {PickupEta:O}, DeliveryEta = {DeliveryEta:O}");
        return true;
    }
}
