using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using DroneDelivery.ServiceDefaults.Storage;

namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>
/// The configuration keys an app reads, found by reflection over its options classes (every
/// <c>SectionName</c> constant in its assemblies): rename an option and the manifests setting the
/// old name fail the tests.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Keys the .NET host itself reads: the listening URLs and the graceful-shutdown budget in seconds.</summary>
    public static readonly IReadOnlyList<string> HostKeys = ["Urls", "shutdownTimeoutSeconds"];

    /// <summary>Every key of the app; a list is written <c>Section:Name:*</c>.</summary>
    public static IReadOnlySet<string> Of(App app)
    {
        var keys = new HashSet<string>(HostKeys, StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in Sections(app))
        {
            keys.UnionWith(KeysOf(section, type));
        }

        if (app != App.Simulator)
        {
            keys.Add($"ConnectionStrings:{AzureStorageSettings.ConnectionStringName}");
        }

        return keys;
    }

    /// <summary>The configuration key an environment variable sets: <c>__</c> is <c>:</c>.</summary>
    public static string FromEnvironmentVariable(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>True when the app reads <paramref name="key"/>; list items (<c>...:ApiKeys:0</c>) count as their list.</summary>
    public static bool IsRead(App app, string key)
    {
        var keys = Of(app);
        var parts = key.Split(':');
        return keys.Contains(key)
            || (parts.Length > 1 && int.TryParse(parts[^1], out _) && keys.Contains(string.Join(':', parts[..^1]) + ":*"));
    }

    /// <summary>Sections and their options types: the <c>SectionName</c> constants of the app's assemblies, and its extra sections.</summary>
    public static IEnumerable<(string Section, Type Type)> Sections(App app) =>
        app.SettingsAssemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true })
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type))
            .Concat(app.ExtraSections.Select(e => (e.Key, e.Value)));

    /// <summary>
    /// Keys an app can't run without: <c>[Required]</c> options that have no usable default.
    /// </summary>
    public static IEnumerable<string> RequiredWithoutDefault(App app)
    {
        foreach (var (section, type) in Sections(app))
        {
            var defaults = Activator.CreateInstance(type);
            foreach (var property in Settable(type).Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null))
            {
                if (property.GetValue(defaults) is null or "")
                {
                    yield return $"{section}:{property.Name}";
                }
            }
        }
    }

    private static IEnumerable<string> KeysOf(string prefix, Type type)
    {
        foreach (var property in Settable(type))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                yield return key;
            }
            else if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return key + ":*";
            }
            else if (propertyType.IsClass)
            {
                foreach (var nested in KeysOf(key, propertyType))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic ?? false));

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(Uri) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid);
}
