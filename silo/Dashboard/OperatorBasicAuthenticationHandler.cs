using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using DroneDelivery.ServiceDefaults.Operator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DroneDelivery.Silo.Dashboard;

/// <summary>
/// HTTP Basic sign-in for the dashboard: any user name, an operator key as the password. Basic
/// rather than the gateway's <c>X-Api-Key</c> header because the dashboard is opened in a
/// browser, and a Basic challenge makes the browser ask for the key and resend it on every poll.
/// </summary>
internal sealed partial class OperatorBasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    OperatorKeys configuredKeys,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "OperatorBasic";
    public const string Policy = "Operator";
    public const string Realm = "Orleans Dashboard";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!TryReadCredentials(header.Parameter, out var user, out var password) || !IsOperatorKey(password))
        {
            LogRefused(Logger, Context.Connection.RemoteIpAddress?.ToString());
            return Task.FromResult(AuthenticateResult.Fail("Invalid operator credentials."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, Policy)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The challenge is what makes a browser show its sign-in prompt.
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private static bool TryReadCredentials(string? parameter, out string user, out string password)
    {
        user = password = "";
        if (string.IsNullOrEmpty(parameter))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[1024];
        if (parameter.Length > 1300 || !Convert.TryFromBase64String(parameter, bytes, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }

    private bool IsOperatorKey(string password) => configuredKeys.IsOperatorKey(OperatorKeys.HashOf(password));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in refused from {RemoteAddress}: not an operator key.")]
    private static partial void LogRefused(ILogger logger, string? remoteAddress);
}
