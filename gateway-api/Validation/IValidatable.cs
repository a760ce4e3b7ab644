namespace DroneDelivery.GatewayApi.Validation;

/// <summary>A request that checks its own fields; <see cref="ValidationFilter"/> runs it before the handler.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}
