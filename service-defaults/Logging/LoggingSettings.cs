namespace DroneDelivery.ServiceDefaults.Logging;

/// <summary>Console logging of the hosts. Section <c>DroneDelivery:Logging</c>.</summary>
public sealed class LoggingSettings
{
    public const string SectionName = "DroneDelivery:Logging";

    /// <summary><see cref="LogFormat.Simple"/> or <see cref="LogFormat.Json"/>. Default: <see cref="LogFormat.Simple"/>.</summary>
    public LogFormat Format { get; set; } = LogFormat.Simple;
}
