using System.Collections.Concurrent;
using Azure;
using Orleans.Providers;
using Orleans.Storage;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// Failures a test arms on the silos' real grain storage: the next writes or clears that match
/// fail as an unavailable Azure Table would, with a 503 <see cref="RequestFailedException"/>;
/// every other call goes through to Azurite. Reminders of a name can be refused too, for as long
/// as a test says, as while a dead silo still owns their range; and membership writes can be lost
/// or met with a conflict. <see cref="InstallOn"/> wraps the silo's default grain storage with
/// <see cref="FaultyGrainStorage"/>, its reminder table with <see cref="FaultyReminderTable"/>, and
/// its membership table with <see cref="FaultyMembershipTable"/>.
/// </summary>
internal sealed class StorageFaults
{
    private readonly ConcurrentQueue<Fault> _armed = new();
    private readonly ConcurrentDictionary<string, bool> _refusedReminders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _reminderRefusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SiloAddress, bool> _silencedSilos = new();
    private int _deathDeclarationsToRefuse;
    private int _deathDeclarationsRefused;

    /// <summary>Fails the next write of a grain of <paramref name="grainType"/> whose state matches <paramref name="when"/>.</summary>
    public void FailNextWrite<T>(string grainType, Func<T, bool> when) =>
        _armed.Enqueue(new Fault(grainType, FaultKind.FailWrite, state => state is T typed && when(typed)));

    /// <summary>Fails the next clear of the state of a grain of <paramref name="grainType"/>.</summary>
    public void FailNextClear(string grainType) => _armed.Enqueue(new Fault(grainType, FaultKind.FailClear, _ => true));

    /// <summary>
    /// Stores the next matching write, then answers it as a conflict with the grain's ETag left as
    /// it was: what the grain sees when a write's answer is lost and the storage client sends it
    /// again, and the repeat finds the row already changed.
    /// </summary>
    public void LoseNextWriteAnswer<T>(string grainType, Func<T, bool> when) =>
        _armed.Enqueue(new Fault(grainType, FaultKind.LoseWriteAnswer, state => state is T typed && when(typed)));

    /// <summary>
    /// Just before the next matching write, stores what <paramref name="rival"/> makes of its state
    /// as a second activation of the same grain would, with an ETag of its own; then lets the
    /// write go on to meet that row as Azure Table storage meets it. This is the race after a silo's
    /// death, when a new activation takes calls while the old one finishes its own.
    /// </summary>
    public void StoreRivalBeforeNextWrite<T>(string grainType, Func<T, bool> when, Func<T, T> rival) =>
        _armed.Enqueue(new Fault(grainType, FaultKind.RivalWrite, state => state is T typed && when(typed), state => rival((T)state!)));

    /// <summary>Faults armed and not yet hit.</summary>
    public int Pending => _armed.Count;

    /// <summary>Refuses every registration of reminders named <paramref name="reminderName"/> until <see cref="AcceptReminders"/>.</summary>
    public void RefuseReminders(string reminderName) => _refusedReminders.TryAdd(reminderName, true);

    public void AcceptReminders(string reminderName) => _refusedReminders.TryRemove(reminderName, out _);

    /// <summary>Registrations of reminders named <paramref name="reminderName"/> refused so far.</summary>
    public int RemindersRefused(string reminderName) => _reminderRefusals.GetValueOrDefault(reminderName);

    /// <summary>
    /// Loses every membership write of <paramref name="silo"/> from now on: its row stays as it
    /// was, Active, as when a silo dies without a word, whatever it writes as it stops.
    /// </summary>
    public void LoseMembershipWritesOf(SiloAddress silo) => _silencedSilos.TryAdd(silo, true);

    /// <summary>Answers the next <paramref name="count"/> writes that declare another silo dead as conflicts, and does not write them.</summary>
    public void RefuseNextDeathDeclarations(int count) => Interlocked.Add(ref _deathDeclarationsToRefuse, count);

    /// <summary>Declarations of death answered as a conflict so far.</summary>
    public int DeathDeclarationsRefused => Volatile.Read(ref _deathDeclarationsRefused);

    /// <summary>Wraps the default grain storage of a silo's builder; a gateway's builder, which has none, is left as it is.</summary>
    public void InstallOn(WebApplicationBuilder builder)
    {
        WrapReminderTable(builder.Services);
        WrapMembershipTable(builder.Services);
        var inner = builder.Services.LastOrDefault(d => d.IsKeyedService
            && Equals(d.ServiceKey, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            && d.ServiceType == typeof(IGrainStorage));
        if (inner?.KeyedImplementationFactory is not { } create)
        {
            return;
        }

        builder.Services.AddKeyedSingleton<IGrainStorage>(
            ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (services, key) => new FaultyGrainStorage((IGrainStorage)create(services, key), this));
    }

    internal void ThrowIfReminderRefused(string reminderName)
    {
        if (_refusedReminders.ContainsKey(reminderName))
        {
            _reminderRefusals.AddOrUpdate(reminderName, 1, (_, refused) => refused + 1);
            throw new ReminderException($"Injected: the reminder service could not register {reminderName}.");
        }
    }

    private void WrapReminderTable(IServiceCollection services)
    {
        if (services.LastOrDefault(d => !d.IsKeyedService && d.ServiceType == typeof(IReminderTable)) is not { ImplementationType: { } table })
        {
            return;
        }

        services.AddSingleton(table);
        services.AddSingleton<IReminderTable>(provider => new FaultyReminderTable((IReminderTable)provider.GetRequiredService(table), this));
    }

    internal bool LosesMembershipWritesOf(SiloAddress silo) => _silencedSilos.ContainsKey(silo);

    internal bool TakeRefusedDeathDeclaration()
    {
        var pending = Volatile.Read(ref _deathDeclarationsToRefuse);
        while (pending > 0)
        {
            var seen = Interlocked.CompareExchange(ref _deathDeclarationsToRefuse, pending - 1, pending);
            if (seen == pending)
            {
                Interlocked.Increment(ref _deathDeclarationsRefused);
                return true;
            }

            pending = seen;
        }

        return false;
    }

    private void WrapMembershipTable(IServiceCollection services)
    {
        if (services.LastOrDefault(d => !d.IsKeyedService && d.ServiceType == typeof(IMembershipTable)) is not { ImplementationType: { } table })
        {
            return;
        }

        services.AddSingleton(table);
        services.AddSingleton<IMembershipTable>(provider => new FaultyMembershipTable(
            (IMembershipTable)provider.GetRequiredService(table), this, provider.GetRequiredService<ILocalSiloDetails>().SiloAddress));
    }

    internal void ThrowIfArmed(GrainId grain, object? state, bool clear)
    {
        if (TakeArmed(grain, state, clear ? FaultKind.FailClear : FaultKind.FailWrite))
        {
            throw new RequestFailedException(503, $"Injected storage failure for {grain}.");
        }
    }

    internal bool TakeLostWriteAnswer(GrainId grain, object? state) => TakeArmed(grain, state, FaultKind.LoseWriteAnswer);

    /// <summary>The rival's state for this write, if one is armed.</summary>
    internal object? TakeRivalWrite(GrainId grain, object? state) =>
        _armed.TryPeek(out var fault) && fault.Rival is { } rival && TakeArmed(grain, state, FaultKind.RivalWrite) ? rival(state) : null;

    // One fault at a time, in the order armed: enough for a test that fails step after step.
    private bool TakeArmed(GrainId grain, object? state, FaultKind kind) =>
        _armed.TryPeek(out var fault) && fault.Kind == kind && grain.Type.ToString() == fault.GrainType
            && fault.Matches(state) && _armed.TryDequeue(out _);

    private enum FaultKind
    {
        FailWrite,
        FailClear,
        LoseWriteAnswer,
        RivalWrite,
    }

    private sealed record Fault(string GrainType, FaultKind Kind, Func<object?, bool> Matches, Func<object?, object?>? Rival = null);
}
