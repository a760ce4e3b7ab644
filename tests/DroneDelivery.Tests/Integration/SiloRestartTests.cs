using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DroneDelivery.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DroneDelivery.Tests.Integration;

/// <summary>
/// A silo that dies and comes back on its address declares its former self dead as it starts.
/// When that write meets a conflict (silos restarting together all write the membership table),
/// the silo tries again only when it next reads the table, and until then the former self keeps
/// its share of the grain directory: grains placed in that share cannot be reached. The silo reads
/// the table often enough that they can be again within seconds, not minutes.
/// </summary>
public sealed class SiloRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Enough grains that some fall in the former self's share of the directory, whose size is chance.
    private const int Businesses = 40;

    // Orleans reads the table first at a random moment within one period, then once a period. Two
    // conflicts (at the start, at the first read) leave the declaration to the second read: within
    // two periods, 20 s here; a minute at least with Orleans' default period.
    private static readonly TimeSpan Patience = DroneDelivery.Silo.Hosting.SiloBuilderExtensions.MembershipTableRefresh * 4;
    private static readonly TimeSpan AnswerPatience = TimeSpan.FromSeconds(15);

    private readonly StorageFaults _faults = new();
    private DroneDeliveryCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await DroneDeliveryCluster.StartAsync(silos: 1, withQueues: false, _faults.InstallOn);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_silo_killed_and_restarted_on_its_address_serves_every_business_again_though_declaring_its_former_self_dead_met_a_conflict_twice()
    {
        var keys = new List<string>();
        using (var anonymous = _cluster.CreateClient())
        {
            for (var i = 0; i < Businesses; i++)
            {
                var registered = await anonymous.PostAsJsonAsync("/api/businesses", new { name = $"Restart test {i}" });
                registered.EnsureSuccessStatusCode();
                keys.Add((await registered.Content.ReadFromJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>());
            }
        }

        var formerSelf = _cluster.SiloServices.Single().GetRequiredService<ILocalSiloDetails>().SiloAddress;
        _faults.LoseMembershipWritesOf(formerSelf);
        _faults.RefuseNextDeathDeclarations(2);
        await _cluster.RestartSiloOnItsAddressAsync(0);
        var sinceRestart = Stopwatch.StartNew();

        var restarted = _cluster.SiloServices.Single().GetRequiredService<ILocalSiloDetails>().SiloAddress;
        Assert.Equal(formerSelf.Endpoint, restarted.Endpoint);
        Assert.NotEqual(formerSelf.Generation, restarted.Generation);

        var membership = _cluster.SiloServices.Single().GetRequiredService<IClusterMembershipService>();
        await Eventually.Until(
            () => Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(formerSelf) == SiloStatus.Dead),
            Patience,
            "the restarted silo to count its former self dead");
        output.WriteLine($"Former self counted dead {sinceRestart.Elapsed.TotalSeconds:0.0} s after the restart.");
        Assert.Equal(2, _faults.DeathDeclarationsRefused);

        // A business that answered once stays reachable: its grain lives on the only silo.
        var clients = keys.Select(_cluster.CreateClient).ToList();
        var waiting = clients;
        try
        {
            await Eventually.Until(
                async () =>
                {
                    var answered = await Task.WhenAll(waiting.Select(AnswersAsync));
                    waiting = [.. waiting.Where((_, i) => !answered[i])];
                    return waiting.Count == 0;
                },
                AnswerPatience,
                $"all {Businesses} businesses to answer through the restarted silo");
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        output.WriteLine($"Every business answered {sinceRestart.Elapsed.TotalSeconds:0.0} s after the restart.");
    }

    /// <summary>One read of the business, bounded so that a call held by an unreachable grain does not use up the test's patience.</summary>
    private static async Task<bool> AnswersAsync(HttpClient business)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            var response = await business.GetAsync(new Uri("/api/businesses/me", UriKind.Relative), bound.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
