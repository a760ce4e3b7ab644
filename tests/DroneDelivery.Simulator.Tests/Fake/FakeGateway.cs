using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.Simulator.Tests.Fake;

/// <summary>
/// The five gateway endpoints the simulator uses, in memory, on real HTTP: drone registration,
/// the mission long-poll, telemetry, confirmations, and the demo business with its delivery
/// requests. Its JSON is as strict as the real gateway's (camelCase, enums by name, no unknown
/// properties), so a simulator that drifts from the contract gets the 400 it would get there.
/// Like the backend, it clears a drone's mission when the Delivered fix for it arrives.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    public const string OperatorKey = "fake-operator-key-0123456789";
    public const string BusinessKey = "fdd.biz-demo.key1.secret";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeDrone> _drones = [];
    private readonly List<WireFix> _fixes = [];
    private readonly List<int> _telemetryRequestSizes = [];
    private readonly List<(string DeliveryId, WireConfirmation Confirmation, int FixesBefore)> _confirmations = [];
    private readonly List<WireDeliveryRequest> _deliveryRequests = [];
    private readonly List<string> _errors = [];
    private WebApplication _app = null!;
    private int _telemetryOutages;

    private FakeGateway()
    {
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Starts the fake on a free loopback port; the first <paramref name="telemetryOutages"/> telemetry posts get 503 with Retry-After: 1.</summary>
    public static async Task<FakeGateway> StartAsync(int telemetryOutages = 0)
    {
        var fake = new FakeGateway { _telemetryOutages = telemetryOutages };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        builder.Services.AddProblemDetails();
        fake._app = builder.Build();
        fake.Map(fake._app);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Url = new Uri(address);
        return fake;
    }

    public IReadOnlyDictionary<string, WireDroneRegistration> Registrations
    {
        get
        {
            lock (_lock)
            {
                return _drones.ToDictionary(d => d.Key, d => d.Value.Registration);
            }
        }
    }

    /// <summary>Every fix accepted, in the order they arrived.</summary>
    public IReadOnlyList<WireFix> Fixes
    {
        get
        {
            lock (_lock)
            {
                return [.. _fixes];
            }
        }
    }

    public IReadOnlyList<int> TelemetryRequestSizes
    {
        get
        {
            lock (_lock)
            {
                return [.. _telemetryRequestSizes];
            }
        }
    }

    /// <summary>Confirmations with how many fixes had arrived before each.</summary>
    public IReadOnlyList<(string DeliveryId, WireConfirmation Confirmation, int FixesBefore)> Confirmations
    {
        get
        {
            lock (_lock)
            {
                return [.. _confirmations];
            }
        }
    }

    public IReadOnlyList<WireDeliveryRequest> DeliveryRequests
    {
        get
        {
            lock (_lock)
            {
                return [.. _deliveryRequests];
            }
        }
    }

    /// <summary>Every answer that wasn't a success, as "status method path", for the test's messages.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Hands a mission to a drone, waking its long-poll.</summary>
    public void AssignMission(string droneId, WireMission mission)
    {
        lock (_lock)
        {
            _drones[droneId].Change("Assigned", mission);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode >= 400)
            {
                lock (_lock)
                {
                    _errors.Add($"{context.Response.StatusCode} {context.Request.Method} {context.Request.Path}");
                }
            }
        });

        app.MapPut("/api/drones/{id}", (string id, WireDroneRegistration registration, HttpRequest request) =>
        {
            if (!IsOperator(request))
            {
                return Unauthorized();
            }

            lock (_lock)
            {
                if (_drones.TryGetValue(id, out var drone))
                {
                    drone.Registration = registration;
                    return Results.Ok(new { id });
                }

                _drones[id] = new FakeDrone(registration);
                return Results.Created($"/api/drones/{id}", new { id });
            }
        });

        app.MapGet("/api/drones/{id}/mission", async (string id, long? after, int? waitSeconds, HttpContext context) =>
        {
            if (!IsOperator(context.Request))
            {
                return Unauthorized();
            }

            Task changed;
            lock (_lock)
            {
                if (!_drones.TryGetValue(id, out var drone))
                {
                    return Results.Problem(statusCode: 404, title: "No such drone.");
                }

                if (after != drone.Version)
                {
                    return Results.Ok(drone.Answer(id));
                }

                changed = drone.Changed.Task;
            }

            try
            {
                await changed.WaitAsync(TimeSpan.FromSeconds(Math.Clamp(waitSeconds ?? 0, 0, 20)), context.RequestAborted);
            }
            catch (TimeoutException)
            {
                // Nothing changed: answer the same version.
            }

            lock (_lock)
            {
                return Results.Ok(_drones[id].Answer(id));
            }
        });

        app.MapPost("/api/telemetry", (List<WireFix> fixes, HttpContext context) =>
        {
            if (!IsOperator(context.Request))
            {
                return Unauthorized();
            }

            lock (_lock)
            {
                if (_telemetryOutages > 0)
                {
                    _telemetryOutages--;
                    context.Response.Headers.RetryAfter = "1";
                    return Results.Problem(statusCode: 503, title: "The cluster is unavailable.");
                }

                _telemetryRequestSizes.Add(fixes.Count);
                _fixes.AddRange(fixes);
                foreach (var fix in fixes.Where(f => f.Event == WireDroneEvent.Delivered))
                {
                    if (_drones.TryGetValue(fix.DroneId, out var drone) && drone.Mission is not null)
                    {
                        drone.Change("Returning", null);
                    }
                }

                return Results.Accepted(value: new { accepted = fixes.Count });
            }
        });

        app.MapPost("/api/deliveries/{id}/confirmations", (string id, WireConfirmation confirmation, HttpRequest request) =>
        {
            if (!IsOperator(request))
            {
                return Unauthorized();
            }

            lock (_lock)
            {
                _confirmations.Add((id, confirmation, _fixes.Count));
            }

            return Results.Ok(new { deliveryId = id });
        });

        app.MapPost("/api/businesses", (WireBusinessRegistration registration) =>
            Results.Created("/api/businesses/me", new { id = "biz-demo", name = registration.Name, apiKey = BusinessKey }));

        app.MapPost("/api/deliveryrequests", (WireDeliveryRequest delivery, HttpRequest request) =>
        {
            if (request.Headers["X-Api-Key"] != BusinessKey)
            {
                return Unauthorized();
            }

            lock (_lock)
            {
                _deliveryRequests.Add(delivery);
            }

            return Results.Accepted(value: new { deliveryId = delivery.DeliveryId, stage = "Requested", trackingUrl = $"http://fake/track/{delivery.DeliveryId}?t=token" });
        });
    }

    private static bool IsOperator(HttpRequest request) => request.Headers["X-Api-Key"] == OperatorKey;

    private static IResult Unauthorized() => Results.Problem(statusCode: 401, title: "Missing or unknown API key.");
}
