using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// Every operation of the Swagger document, called by every kind of caller with a request that is
/// otherwise valid: each gets exactly the status its role deserves, and every refusal is a ProblemDetails.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class AuthorizationMatrixTests(HostileFixture fixture, ITestOutputHelper output)
{
    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;

    /// <summary>Refused callers first: an authorized call may consume what it names (a key, a delivery, a drone).</summary>
    private static readonly Caller[] Order =
        [Caller.NoKey, Caller.WrongKey, Caller.TrackingToken, Caller.OperatorTicket, Caller.OtherBusiness, Caller.Drone, Caller.Operator, Caller.Owner];

    [Fact]
    public async Task Every_operation_answers_every_kind_of_caller_with_exactly_the_status_of_its_role()
    {
        var world = await MatrixWorld.CreateAsync(_cluster);
        using var anonymous = _cluster.CreateClient();
        var operations = await SwaggerOperation.ReadAllAsync(anonymous);
        var wrong = new List<string>();
        var table = new StringBuilder();

        foreach (var operation in operations)
        {
            var spec = OperationCatalogue.For(operation);
            var probe = world.ProbeOf(operation.OperationId);
            var success = MatrixWorld.SuccessOf(operation.OperationId, spec);
            table.Append(operation.ToString().PadRight(70));
            foreach (var caller in Order)
            {
                using var client = world.ClientFor(_cluster, caller);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(probe.Path, UriKind.Relative));
                if (probe.Body is not null)
                {
                    request.Content = new StringContent(probe.Body, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = spec.Expected(caller, success);
                table.Append(CultureInfo.InvariantCulture, $" {caller}={status}");
                if (status != expected)
                {
                    wrong.Add($"{operation} as {caller}: expected {expected}, got {status}: {await response.Content.ReadAsStringAsync()}");
                }
                else if (status >= 400)
                {
                    await AssertProblemAsync(response, status, $"{operation} as {caller}");
                }
            }

            table.AppendLine();
        }

        output.WriteLine($"{operations.Count} operations x {Order.Length} callers:");
        output.WriteLine(table.ToString());
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task The_document_lists_every_operation_the_catalogue_expects_and_no_other()
    {
        using var anonymous = _cluster.CreateClient();
        var documented = (await SwaggerOperation.ReadAllAsync(anonymous)).Select(o => o.OperationId).ToHashSet();

        Assert.Empty(documented.Except(OperationCatalogue.Specs.Keys));
        Assert.Empty(OperationCatalogue.Specs.Keys.Except(documented));
    }

    [Fact]
    public async Task The_document_spells_every_query_parameter_as_the_contract_does()
    {
        using var anonymous = _cluster.CreateClient();
        var query = (await SwaggerOperation.ReadAllAsync(anonymous)).SelectMany(o => o.Query.Select(p => (o.OperationId, p.Name))).ToList();

        Assert.NotEmpty(query);
        Assert.All(query, p => Assert.True(char.IsLower(p.Name[0]), $"{p.OperationId} documents '{p.Name}', the contract writes it camelCase"));
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, int status, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{what}: {status} came as '{response.Content.Headers.ContentType}', not a ProblemDetails: {text}");
        Assert.Equal(status, JsonNode.Parse(text)!["status"]!.GetValue<int>());
    }
}
