using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using DroneDelivery.GrainInterfaces;
using DroneDelivery.ServiceDefaults.Operator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Auth;

/// <summary>
/// Reads <c>X-Api-Key</c> and decides who is calling: an operator or a drone (configured keys), or a business
/// (a key its grain recognises). A verified business key is remembered briefly so a busy client
/// costs one grain call per half minute rather than one per request. Hub connections may instead
/// present an operator ticket (<see cref="OperatorTickets"/>), which a browser can send.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorKeys configuredKeys,
    OperatorTickets tickets,
    RevokedKeys revoked,
    IClusterClient grains,
    IMemoryCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>How long a verified business key is taken on trust, and so how long a revocation takes to reach every gateway.</summary>
    public static readonly TimeSpan VerifiedKeyLifetime = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values))
        {
            return AuthenticateTicket();
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > 256)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var hash = OperatorKeys.HashOf(key);
        if (configuredKeys.IsOperatorKey(hash))
        {
            return Success(new Claim(ClaimTypes.Role, ApiKeyDefaults.OperatorRole));
        }

        if (configuredKeys.IsDroneKey(hash))
        {
            return Success(new Claim(ClaimTypes.Role, ApiKeyDefaults.DroneRole));
        }

        if (!BusinessApiKey.TryParse(key, out var businessId, out var keyId) || revoked.IsRevoked(businessId, keyId))
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var cacheKey = "apikey:" + Convert.ToHexString(hash);
        if (!cache.TryGetValue(cacheKey, out _))
        {
            if (!await grains.Reference<IBusinessGrain>(businessId).VerifyApiKeyAsync(keyId, hash))
            {
                return AuthenticateResult.Fail("Unknown API key.");
            }

            cache.Set(cacheKey, true, VerifiedKeyLifetime);
        }

        return Success(new Claim(ClaimTypes.Role, ApiKeyDefaults.BusinessRole), new Claim(ApiKeyDefaults.BusinessIdClaim, businessId));
    }

    /// <summary>
    /// Only on hubs: a bearer ticket (SignalR's negotiate) or <c>access_token</c> (its WebSocket,
    /// which can't carry headers). Tickets open nothing else.
    /// </summary>
    private AuthenticateResult AuthenticateTicket()
    {
        if (!Request.Path.StartsWithSegments(ApiKeyDefaults.HubsPath))
        {
            return AuthenticateResult.NoResult();
        }

        var bearer = Request.Headers.Authorization.ToString();
        var ticket = bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? bearer["Bearer ".Length..] : Request.Query["access_token"].ToString();
        if (ticket.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        return tickets.IsValid(ticket)
            ? Success(new Claim(ClaimTypes.Role, ApiKeyDefaults.OperatorRole))
            : AuthenticateResult.Fail("Unknown or expired ticket.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        return Task.CompletedTask;
    }

    private static AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme)), ApiKeyDefaults.Scheme));
}
