namespace DroneDelivery.ServiceDefaults.Logging;

/// <summary>How the console writes logs.</summary>
public enum LogFormat
{
    /// <summary>One readable line per entry (plus the scopes), for people at a terminal.</summary>
    Simple,

    /// <summary>One JSON object per line with the message, its values and the scopes, for log collectors.</summary>
    Json,
}
