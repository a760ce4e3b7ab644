namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>What a drone tells its delivery.</summary>
[GenerateSerializer, Alias("DroneProgressKind")]
public enum DroneProgressKind
{
    /// <summary>A new position and ETAs; nothing else changed.</summary>
    Position,

    /// <summary>The drone left its base for the pickup.</summary>
    TookOff,

    /// <summary>The package is on board.</summary>
    PickedUp,

    /// <summary>The drone is at the drop-off; the delivery is done unless a confirmation is required.</summary>
    ArrivedAtDropoff,

    /// <summary>The drone gave up the mission (fault, low battery); <see cref="DroneProgress.Reason"/> says why.</summary>
    Aborted,
}
