using System.Text.Json;
using System.Text.RegularExpressions;
using DroneDelivery.GrainInterfaces.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DroneDelivery.GatewayApi.Errors;

/// <summary>
/// The one place exceptions become answers: broken domain rules to 400/404/409, unreadable
/// requests to 400/413/415 with the field at fault, an unreachable cluster or storage to 503 with
/// Retry-After. Anything else is a 500 that says nothing of its cause.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying while the cluster or storage is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException domain => FromDomain(domain),
            BadHttpRequestException bad => FromBadRequest(bad),
            _ when ClusterUnavailability.IsUnavailable(exception) => Unavailable(httpContext, exception),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromDomain(DomainException exception) => exception.Kind switch
    {
        DomainErrorKind.NotFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = exception.Message },
        DomainErrorKind.Conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = exception.Message },
        _ => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [exception.Field ?? "request"] = [exception.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
        },
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        if (status == StatusCodes.Status400BadRequest)
        {
            var (field, message) = exception.InnerException is JsonException json ? Describe(json) : Describe(exception);
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Status = status };
        }

        return new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
                _ => "The request could not be read.",
            },
        };
    }

    /// <summary>Names the field a JSON error is about, in the API's terms rather than .NET's.</summary>
    private static (string Field, string Message) Describe(JsonException exception)
    {
        var field = exception.Path is null or "$" ? "body" : exception.Path.TrimStart('$', '.');
        if (UnknownProperty().IsMatch(exception.Message))
        {
            return (field, "Unknown property.");
        }

        return (field, field == "body"
            ? "The body is not valid JSON of the expected shape."
            : "The value has the wrong type, is out of range or is not one of the allowed values.");
    }

    /// <summary>Names the parameter a binding error is about: a missing body, or a query value of the wrong type.</summary>
    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.Message.Contains("from body", StringComparison.Ordinal) || exception.Message.Contains("Implicit body", StringComparison.Ordinal))
        {
            return ("body", "A JSON body is required.");
        }

        var parameter = UnboundParameter().Match(exception.Message);
        return parameter.Success
            ? (JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value), "The value has the wrong type or format.")
            : ("request", "The request could not be read.");
    }

    private static ProblemDetails Unavailable(HttpContext httpContext, Exception exception)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is temporarily unavailable; retry later.",
            Extensions = { ["reason"] = exception.GetType().Name },
        };
    }

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("""Failed to bind parameter "(?:[^"]* )?(?<name>[A-Za-z0-9_]+)" from""", RegexOptions.CultureInvariant)]
    private static partial Regex UnboundParameter();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
