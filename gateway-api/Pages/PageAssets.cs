using System.Reflection;
using System.Text;
using Microsoft.Extensions.FileProviders;

namespace DroneDelivery.GatewayApi.Pages;

/// <summary>
/// The pages' files, embedded in this assembly at build time (see the project file): served
/// under <see cref="RequestPath"/> with no dependency on a content root, a CDN or the internet.
/// </summary>
internal static class PageAssets
{
    public const string RequestPath = "/assets";

    public static readonly IFileProvider Files =
        new EmbeddedFileProvider(typeof(PageAssets).Assembly, typeof(PageAssets).Assembly.GetName().Name + ".Web");

    /// <summary>An HTML page with its <c>{{CONFIG}}</c> placeholder replaced by <paramref name="configJson"/>.</summary>
    public static string Page(string fileName, string configJson)
    {
        var file = Files.GetFileInfo(fileName);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The page {fileName} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        }

        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd().Replace("{{CONFIG}}", configJson, StringComparison.Ordinal);
    }
}
