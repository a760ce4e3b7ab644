using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using DroneDelivery.GatewayApi.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.RateLimiting;

/// <summary>
/// The one place requests are rate limited: every request by its API key and by its client
/// address (both must allow it), registration harder, health and metrics never. Limited before
/// authentication, so a flood of made-up keys costs no grain call. Over the limit: 429 with
/// <c>Retry-After</c> and a ProblemDetails body.
/// </summary>
public static class RateLimitingExtensions
{
    public const string RegistrationPolicy = "registration";

    public static WebApplicationBuilder AddApiRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerKey(), PerAddress());
            limiter.AddPolicy(RegistrationPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Settings(context).RegistrationsPerAddressPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = WriteRejectionAsync;
        });
        return builder;
    }

    private static PartitionedRateLimiter<HttpContext> PerKey() => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        // Partitioned by a hash, so no key is held in the limiter's memory.
        var key = context.Request.Headers[ApiKeyDefaults.HeaderName].ToString();
        if (key.Length == 0 || IsExempt(context))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return RateLimitPartition.GetTokenBucketLimiter(
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
            _ => Bucket(Settings(context).PerKeyPerSecond, Settings(context).PerKeyBurst));
    });

    private static PartitionedRateLimiter<HttpContext> PerAddress() => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        if (IsExempt(context))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        // Settings are read only when a partition is first made, not on every request.
        return RateLimitPartition.GetTokenBucketLimiter(Address(context), _ => Bucket(Settings(context).PerAddressPerSecond, Settings(context).PerAddressBurst));
    });

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Probes and scrapers must always get through, or an overloaded gateway would look dead.</summary>
    private static bool IsExempt(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/metrics");

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitOptions Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests; retry after the time in Retry-After.",
            },
        });
    }
}
