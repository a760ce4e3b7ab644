using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;

namespace DroneDelivery.Tests.Hostile;

/// <summary>Every operation of the document that takes a body has a limit, and past it the answer is a 413 ProblemDetails.</summary>
[Collection(HostileCollection.Name)]
public sealed class BodyLimitTests(HostileFixture fixture)
{
    /// <summary>Past the largest limit of any body (telemetry's 512 KiB), so past every other too.</summary>
    private const int Oversized = (512 * 1024) + 1;

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;
    private readonly HostileWorld _world = fixture.World;

    [Fact]
    public async Task Every_body_past_its_limit_gets_a_413_problem()
    {
        using var http = _cluster.CreateClient();
        var operations = (await SwaggerOperation.ReadAllAsync(http)).Where(o => o.BodySchema is not null).ToList();
        var body = Encoding.UTF8.GetBytes($$"""{"name":"{{new string('x', Oversized)}}"}""");

        Assert.NotEmpty(operations);
        foreach (var operation in operations)
        {
            var target = operation.Path.Replace("{id}", _world.Drones[0], StringComparison.Ordinal);
            using var client = _cluster.CreateClient(KeyFor(OperationCatalogue.For(operation).Access));
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(target, UriKind.Relative)) { Content = content });

            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{operation}: {(int)response.StatusCode}");
            await AuthorizationMatrixTests.AssertProblemAsync(response, 413, operation.ToString());
        }
    }

    [Fact]
    public async Task A_telemetry_batch_of_more_fixes_than_allowed_is_refused_whole()
    {
        using var drone = _cluster.CreateClient(DroneDeliveryCluster.DroneKey);
        var fix = new JsonObject { ["droneId"] = _world.Drones[0], ["at"] = DateTimeOffset.UtcNow, ["lat"] = 1.0, ["lon"] = 1.0, ["batteryPct"] = 50.0 };
        var batch = new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => fix.DeepClone())]);

        var response = await drone.PostAsync(new Uri("/api/telemetry", UriKind.Relative), new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await Api.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("body"), problem.ToJsonString());
    }

    private string? KeyFor(Access access) => access switch
    {
        Access.Business => _world.AttackerKey,
        Access.Operator => DroneDeliveryCluster.OperatorKey,
        Access.Drone => DroneDeliveryCluster.DroneKey,
        _ => null,
    };
}
