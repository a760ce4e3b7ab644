namespace DroneDelivery.Simulator.Gateway;

/// <summary>
/// Body of <c>POST /api/deliveryrequests</c>. The delivery id is ours, so a retried request
/// can't create a second delivery.
/// </summary>
public sealed record DeliveryRequestDto(string DeliveryId, LocationDto Pickup, LocationDto Dropoff, PackageDto Package);
