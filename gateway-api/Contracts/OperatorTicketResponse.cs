namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A short-lived ticket that opens the operators' hubs from a browser (as <c>access_token</c>).</summary>
public sealed record OperatorTicketResponse(string Ticket, DateTimeOffset ExpiresAt);
