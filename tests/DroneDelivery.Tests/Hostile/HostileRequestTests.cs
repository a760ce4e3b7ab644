using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CsCheck;
using DroneDelivery.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// Generated requests for every operation of the Swagger document, mostly malformed or adversarial,
/// over real HTTP to the real gateway and silo: no 5xx, no hang, every refusal a ProblemDetails, and
/// the victim's deliveries read exactly as before. A failure prints CsCheck's seed; run again with
/// <c>CsCheck_Seed=&lt;seed&gt;</c> to replay it.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileRequestTests(HostileFixture fixture, ITestOutputHelper output)
{
    /// <summary>Cases per operation: a few thousand in all, about a minute on two cores.</summary>
    private const int CasesPerOperation = 150;

    private readonly DroneDeliveryCluster _cluster = fixture.Cluster;
    private readonly HostileWorld _world = fixture.World;

    [Fact]
    public async Task No_generated_request_gets_a_5xx_a_hang_or_a_bare_error_and_none_changes_the_victims_deliveries()
    {
        var before = await _world.SnapshotAsync(_cluster);
        using var http = new HttpClient { BaseAddress = _cluster.GatewayAddress, Timeout = AnswerRules.Timeout };
        // Deletions last, so the drones and deliveries they retire and cancel serve every other operation first.
        var operations = (await SwaggerOperation.ReadAllAsync(http)).OrderBy(o => o.Method == "DELETE").ToList();
        var cases = new HostileCases(_world);
        var statuses = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>();
        var refused = new ConcurrentDictionary<string, int>();
        var failures = new List<string>();

        foreach (var operation in operations)
        {
            var counts = statuses.GetOrAdd(operation.OperationId, _ => new());
            try
            {
                await cases.For(operation).SampleAsync(
                    async sent =>
                    {
                        var (status, type, body) = await SendAsync(http, sent);
                        counts.AddOrUpdate(status, 1, (_, n) => n + 1);
                        if (sent.MustFail)
                        {
                            refused.AddOrUpdate(operation.OperationId, 1, (_, n) => n + 1);
                        }

                        AnswerRules.Check(sent, status, type, body);
                    },
                    iter: CasesPerOperation,
                    threads: 4,
                    print: c => c.ToString());
            }
            catch (CsCheckException e)
            {
                // Every operation still runs: one run lists every finding, each with its own seed.
                failures.Add($"{operation}: {e.Message}{Environment.NewLine}{e.InnerException?.Message}");
            }
        }

        foreach (var (operation, counts) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{operation,-24} {counts.Values.Sum(),5} cases, {refused.GetValueOrDefault(operation),4} the contract refuses: "
                + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}x{c.Value}")));
        }

        output.WriteLine($"{statuses.Values.Sum(c => c.Values.Sum())} cases over {operations.Count} operations.");
        failures.ForEach(output.WriteLine);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await _world.SnapshotAsync(_cluster));
    }

    [Fact]
    public async Task Every_operation_of_the_document_has_a_generator()
    {
        using var http = _cluster.CreateClient();
        var cases = new HostileCases(_world);
        foreach (var operation in await SwaggerOperation.ReadAllAsync(http))
        {
            Assert.NotNull(cases.For(operation).Single());
        }
    }

    internal static async Task<(int Status, MediaTypeHeaderValue? ContentType, string Body)> SendAsync(HttpClient http, HostileCase sent)
    {
        using var request = new HttpRequestMessage(new HttpMethod(sent.Operation.Method), new Uri(sent.Target, UriKind.Relative));
        if (sent.ApiKey is not null)
        {
            request.Headers.Add("X-Api-Key", sent.ApiKey);
        }

        foreach (var (name, value) in sent.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (sent.Body?.Bytes is { } bytes)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = sent.Body.ContentType is null ? null : MediaTypeHeaderValue.Parse(sent.Body.ContentType);
        }

        try
        {
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, response.Content.Headers.ContentType, await response.Content.ReadAsStringAsync());
        }
        catch (TaskCanceledException e)
        {
            throw new TimeoutException($"No answer within {AnswerRules.Timeout}: the request hung.", e);
        }
    }
}
