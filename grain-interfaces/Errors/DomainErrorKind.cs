namespace DroneDelivery.GrainInterfaces.Errors;

/// <summary>How a domain rule was broken; the gateway maps each kind to one HTTP status.</summary>
[GenerateSerializer, Alias("DomainErrorKind")]
public enum DomainErrorKind
{
    /// <summary>The thing does not exist, or belongs to someone else (404).</summary>
    NotFound,

    /// <summary>The request clashes with the current state or an earlier request (409).</summary>
    Conflict,

    /// <summary>The request breaks a rule that only the grain can check (400).</summary>
    Invalid,
}
