using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DroneDelivery.ServiceDefaults.Logging;

/// <summary>
/// Caps the framework's log categories that write secrets: query strings carry tracking tokens
/// (<c>/track/{id}?t=</c>) and SignalR tokens, and hub invocations carry their arguments (the
/// tracking token of <c>Track</c>). Applied after every other filter and for every provider that has
/// rules of its own, so no <c>Logging:LogLevel</c> setting, general or per provider, lowers them.
/// </summary>
public static class SecretSafeLogging
{
    /// <summary>The capped categories and the least severe level each still writes.</summary>
    public static IReadOnlyDictionary<string, LogLevel> CappedCategories { get; } = new Dictionary<string, LogLevel>
    {
        // "Request starting/finished" lines include the query string; our request log writes the path only.
        ["Microsoft.AspNetCore.Hosting.Diagnostics"] = LogLevel.Warning,

        // "Received hub invocation" (Debug) writes the invocation's arguments.
        ["Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher"] = LogLevel.Information,
    };

    public static ILoggingBuilder CapSecretWritingCategories(this ILoggingBuilder logging)
    {
        logging.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            foreach (var (category, cap) in CappedCategories)
            {
                // A rule for a narrower category would win over the cap: it is raised to the cap.
                for (var i = 0; i < options.Rules.Count; i++)
                {
                    var rule = options.Rules[i];
                    if (rule.CategoryName?.StartsWith(category + ".", StringComparison.Ordinal) == true && !(rule.LogLevel >= cap))
                    {
                        options.Rules[i] = new LoggerFilterRule(rule.ProviderName, rule.CategoryName, cap, rule.Filter);
                    }
                }

                // The most specific rule wins and, among equals, the last: one cap per provider that has rules, added last.
                foreach (var provider in options.Rules.Select(r => r.ProviderName).Append(null).Distinct(StringComparer.Ordinal).ToList())
                {
                    // A setting stricter than the cap for this very category still holds.
                    var level = options.Rules
                        .Where(r => r.ProviderName == provider && r.CategoryName == category && r.LogLevel > cap)
                        .Select(r => r.LogLevel!.Value)
                        .DefaultIfEmpty(cap)
                        .Max();
                    options.Rules.Add(new LoggerFilterRule(provider, category, level, filter: null));
                }
            }
        });
        return logging;
    }
}
