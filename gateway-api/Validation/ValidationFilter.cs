namespace DroneDelivery.GatewayApi.Validation;

/// <summary>
/// The one place requests are validated: every <see cref="IValidatable"/> argument, and every
/// value of the route (all of them ids: <c>{id}</c>, <c>{keyId}</c>). Any error answers 400 with
/// the errors by field; the handler never runs.
/// </summary>
public sealed class ValidationFilter(TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new ValidationErrors(time.GetUtcNow());
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
        {
            if (value is string id && !ValidationErrors.IsId(id))
            {
                errors.Add(name, "Must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'.");
            }
        }

        foreach (var argument in context.Arguments)
        {
            if (argument is IValidatable validatable)
            {
                validatable.Validate(errors);
            }
        }

        return errors.IsEmpty ? await next(context) : TypedResults.ValidationProblem(errors.ToDictionary());
    }
}
