using System.Text.Json;
using DroneDelivery.GatewayApi.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace DroneDelivery.GatewayApi.Pages;

/// <summary>The browser pages the gateway serves: the customer's tracking page, the operators' fleet map, and their assets.</summary>
public static class PagesExtensions
{
    public static WebApplication MapPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = PageAssets.Files,
            RequestPath = PageAssets.RequestPath,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

        app.MapGet("/track/{id}", TrackingPage).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/ops", FleetPage).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The same page for every link: the page itself proves the token with the tracking hub and
    /// says so when it is wrong, so a guessed id learns nothing here either.
    /// </summary>
    private static ContentHttpResult TrackingPage(HttpContext context, IOptions<TrackingPushOptions> options) =>
        Page(context, options.Value, "track.html");

    /// <summary>
    /// The operators' fleet map. The page itself is public: it holds nothing, asks for the
    /// operator key, and every piece of data behind it requires one.
    /// </summary>
    private static ContentHttpResult FleetPage(HttpContext context, IOptions<TrackingPushOptions> options) =>
        Page(context, options.Value, "ops.html");

    private static ContentHttpResult Page(HttpContext context, TrackingPushOptions settings, string fileName)
    {
        var config = JsonSerializer.Serialize(new { tileUrl = settings.TileUrlTemplate, tileAttribution = settings.TileAttribution });
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(settings.TileUrlTemplate);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(PageAssets.Page(fileName, config), "text/html; charset=utf-8");
    }

    /// <summary>Scripts and connections from this gateway only; images also from the tile server when one is set.</summary>
    internal static string ContentSecurityPolicy(string? tileUrlTemplate)
    {
        var tiles = Uri.TryCreate(tileUrlTemplate?.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? " " + uri.GetLeftPart(UriPartial.Authority).Replace("//a.", "//*.", StringComparison.Ordinal)
            : "";
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{tiles}; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    }
}
