namespace DroneDelivery.GrainInterfaces.Errors;

/// <summary>
/// A broken domain rule, thrown by grains and carried to the caller. The message is written for
/// the API's user; it never holds a key, a token or another business's data.
/// </summary>
[GenerateSerializer, Alias("DomainException")]
public sealed class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DomainException(DomainErrorKind kind, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    [Id(0)]
    public DomainErrorKind Kind { get; private set; }

    /// <summary>The request field at fault, for <see cref="DomainErrorKind.Invalid"/>.</summary>
    [Id(1)]
    public string? Field { get; private set; }

    public static DomainException NotFound(string what) => new(DomainErrorKind.NotFound, $"{what} was not found.");

    public static DomainException Conflict(string message) => new(DomainErrorKind.Conflict, message);

    public static DomainException Invalid(string field, string message) => new(DomainErrorKind.Invalid, message, field);
}
