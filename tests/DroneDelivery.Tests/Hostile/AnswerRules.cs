using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DroneDelivery.Tests.Hostile;

/// <summary>What every answer to a generated request must be, whatever the request was.</summary>
internal static class AnswerRules
{
    /// <summary>How long any one request may take before it counts as a hang; the long-poll is always asked to answer at once.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Never a 5xx. A 2xx only for a request the contract accepts, and with one of the operation's
    /// success statuses. Anything else a 4xx <c>application/problem+json</c> whose status is the answer's.
    /// </summary>
    public static void Check(HostileCase sent, int status, MediaTypeHeaderValue? contentType, string body)
    {
        Assert.True(status < 500, $"{status}: {body}");
        if (status is >= 200 and < 300)
        {
            Assert.False(sent.MustFail, $"{status} for a request the contract refuses: {body}");
            var success = OperationCatalogue.For(sent.Operation).Success;
            Assert.True(success.Contains(status), $"{status} is not a success status of {sent.Operation.OperationId}: {body}");
            return;
        }

        Assert.True(status is >= 400 and < 500, $"{status}: {body}");
        Assert.True(contentType?.MediaType == "application/problem+json", $"{status} came as '{contentType}', not a ProblemDetails: {body}");
        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"{status} with a body that is not JSON ({e.Message}): {body}");
        }

        Assert.Equal(status, problem?["status"]?.GetValue<int>());
    }
}
