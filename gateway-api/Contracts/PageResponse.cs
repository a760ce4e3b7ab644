namespace DroneDelivery.GatewayApi.Contracts;

/// <param name="Items">This page's items.</param>
/// <param name="ContinuationToken">Pass it back to get the next page; absent on the last page.</param>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? ContinuationToken);
