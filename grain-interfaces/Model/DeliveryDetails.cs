using System.Globalization;
using System.Text;

namespace DroneDelivery.GrainInterfaces.Model;

[GenerateSerializer, Immutable, Alias("DeliveryDetails")]
public sealed record DeliveryDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] DeliveryRequest Request,
    [property: Id(3)] string PackageId,
    [property: Id(4)] DeliveryStage Stage,
    [property: Id(5)] string? DroneId,
    [property: Id(6)] DateTimeOffset? PickupEta,
    [property: Id(7)] DateTimeOffset? DeliveryEta,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] string TrackingToken)
{
    // Orleans traces messages with their bodies: the token is left out of the text.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, OwnerId = {OwnerId}, Request = {Request}, PackageId = {PackageId}, Stage = {Stage}, DroneId = {DroneId}, ");
        builder.Append(CultureInfo.InvariantCulture, $"PickupEta = {PickupEta:O}, DeliveryEta = {DeliveryEta:O}, CreatedAt = {CreatedAt:O}, UpdatedAt = {UpdatedAt:O}, TrackingToken = ***");
        return true;
    }
}
