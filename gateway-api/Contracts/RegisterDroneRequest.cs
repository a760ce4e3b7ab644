using DroneDelivery.GatewayApi.Validation;
using DroneDelivery.GrainInterfaces.Model;

namespace DroneDelivery.GatewayApi.Contracts;

/// <summary>A drone's specification.</summary>
public sealed record RegisterDroneRequest : IValidatable
{
    /// <summary>The drone's model name.</summary>
    /// <example>FD-400 Courier</example>
    public string? Model { get; init; }

    /// <summary>Heaviest package it can carry, in kilograms (greater than 0, at most 100).</summary>
    /// <example>5</example>
    public double? MaxPayloadKg { get; init; }

    /// <summary>Cruise speed in metres per second (greater than 0, at most 100).</summary>
    /// <example>15</example>
    public double? CruiseSpeedMps { get; init; }

    /// <summary>Range on a full battery, in kilometres (greater than 0, at most 1000).</summary>
    /// <example>40</example>
    public double? RangeKm { get; init; }

    /// <summary>Where the drone is based and returns to.</summary>
    public LocationDto? HomeBase { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Text("model", Model, 100, required: true);
        errors.Required("maxPayloadKg", MaxPayloadKg);
        errors.Range("maxPayloadKg", MaxPayloadKg, 0, 100, minExclusive: true);
        errors.Required("cruiseSpeedMps", CruiseSpeedMps);
        errors.Range("cruiseSpeedMps", CruiseSpeedMps, 0, 100, minExclusive: true);
        errors.Required("rangeKm", RangeKm);
        errors.Range("rangeKm", RangeKm, 0, 1000, minExclusive: true);
        errors.Location("homeBase", HomeBase);
    }

    public DroneSpec ToModel() => new(Model!, MaxPayloadKg!.Value, CruiseSpeedMps!.Value, RangeKm!.Value, HomeBase!.ToModel());
}
