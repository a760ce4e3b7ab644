using System.Globalization;
using System.Text;

namespace DroneDelivery.Tests.Processes;

/// <summary>What a fault run shows, and the broken promises among it (none in a good run).</summary>
internal sealed record RunSummary(
    int Requested,
    int Accepted,
    int Delivered,
    IReadOnlyDictionary<string, int> EndedOtherwise,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Unfinished,
    IReadOnlyCollection<string> DoubleAssignments,
    IReadOnlyCollection<string> Regressions,
    IReadOnlyCollection<string> Duplicates,
    IReadOnlyCollection<string> Refusals,
    int Abandoned,
    IReadOnlyDictionary<int, int> ByStatus,
    IReadOnlyCollection<string> ContractBreaches,
    int Unreachable,
    int Cut,
    IReadOnlyList<FaultRecovery> Recoveries,
    string HostLogs)
{
    public int ServerErrors => ByStatus.Where(s => s.Key >= 500).Sum(s => s.Value);

    public static RunSummary Of(
        DeliveryLoad load, DeliveryObserver observer, ResponseLog log, IReadOnlyList<FaultRecovery> recoveries, IReadOnlyDictionary<string, string> dronesOfUnfinished, string hostLogs)
    {
        var deliveries = observer.Deliveries;
        return new(
            load.Requested,
            deliveries.Count,
            deliveries.Count(d => d.Stage == "Delivered"),
            deliveries.Where(d => d.IsFinished && d.Stage != "Delivered").GroupBy(d => d.Stage).ToDictionary(g => g.Key, g => g.Count()),
            [.. deliveries.Where(d => d.TimesNotFound > 0).Select(d => $"{d.Id} (404 seen {d.TimesNotFound} times, last stage {d.Stage})")],
            [.. deliveries.Where(d => !d.IsFinished).Select(d => $"{d.Id} ({d.Stage}; {dronesOfUnfinished.GetValueOrDefault(d.Id, "no drone")})")],
            observer.DoubleAssignments,
            observer.Regressions,
            load.Duplicates,
            load.Refusals,
            load.Abandoned,
            new SortedDictionary<int, int>(log.ByStatus.ToDictionary()),
            log.Breaches,
            log.Unreachable,
            log.Cut,
            recoveries,
            hostLogs);
    }

    /// <summary>
    /// The promises of issue 8: every accepted delivery found and finished, none lost or
    /// duplicated, no drone holding two, no 5xx but a 503 with Retry-After, no hang, every fault recovered from.
    /// </summary>
    public IReadOnlyList<string> Violations()
    {
        var violations = new List<string>();
        Add(Lost, "lost (404 after 202)");
        Add(Unfinished, "not finished");
        Add(DoubleAssignments, "drone held by two deliveries");
        Add(Regressions, "went back a stage (a change not written)");
        Add(Duplicates, "duplicated");
        Add(Refusals, "refused");
        Add(ContractBreaches, "5xx without Retry-After, or hung");
        Add([.. Recoveries.Where(r => r.RecoveredAfter is null).Select(r => r.ToString())], "fault not recovered from");
        if (Abandoned > 0)
        {
            violations.Add($"{Abandoned} requests never accepted within {DeliveryLoad.GiveUpAfter}");
        }

        return violations;

        void Add(IReadOnlyCollection<string> items, string what)
        {
            if (items.Count > 0)
            {
                violations.Add($"{items.Count} {what}: {string.Join("; ", items.Take(10))}");
            }
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        var i = CultureInfo.InvariantCulture;
        // The broken promises first: a failure listing that shows only a message's first lines shows them.
        foreach (var violation in Violations())
        {
            text.AppendLine(i, $"VIOLATION                {violation}");
        }

        text.AppendLine(i, $"deliveries requested     {Requested}");
        text.AppendLine(i, $"accepted (202)           {Accepted}");
        text.AppendLine(i, $"delivered                {Delivered}");
        text.AppendLine(i, $"ended otherwise          {(EndedOtherwise.Count == 0 ? "0" : string.Join(", ", EndedOtherwise.Select(e => $"{e.Key} {e.Value}")))}");
        text.AppendLine(i, $"still unfinished         {Unfinished.Count}");
        text.AppendLine(i, $"lost                     {Lost.Count}");
        text.AppendLine(i, $"double-assigned drones   {DoubleAssignments.Count}");
        text.AppendLine(i, $"duplicated               {Duplicates.Count}");
        text.AppendLine(i, $"went back a stage        {Regressions.Count}");
        text.AppendLine(i, $"5xx answers              {ServerErrors} (503 with Retry-After: {ByStatus.GetValueOrDefault(503)}; others or hangs: {ContractBreaches.Count})");
        text.AppendLine(i, $"connections refused      {Unreachable}");
        text.AppendLine(i, $"connections cut          {Cut}");
        text.AppendLine(i, $"answers by status        {string.Join(", ", ByStatus.Select(s => $"{s.Key}: {s.Value}"))}");
        foreach (var recovery in Recoveries)
        {
            text.AppendLine(i, $"fault                    {recovery}");
        }

        text.AppendLine("warnings and errors the hosts logged since the run began, by kind:");
        text.Append(HostLogs);
        return text.ToString();
    }
}
