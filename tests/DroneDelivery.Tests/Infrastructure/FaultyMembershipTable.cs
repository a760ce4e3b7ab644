namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// The silo's real membership table, with the faults a test armed in <see cref="StorageFaults"/>:
/// a silo whose writes are lost, as if it died between two of them, and a declaration of another
/// silo's death answered as a conflict, as when silos starting together write the table at once.
/// </summary>
internal sealed class FaultyMembershipTable(IMembershipTable inner, StorageFaults faults, SiloAddress self) : IMembershipTable
{
    public Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken) =>
        inner.InitializeMembershipTableAsync(tryInitTableVersion, cancellationToken);

    public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken) =>
        inner.DeleteMembershipTableEntriesAsync(clusterId, cancellationToken);

    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken) =>
        inner.CleanupDefunctSiloEntriesAsync(beforeDate, cancellationToken);

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken) => inner.ReadRowAsync(key, cancellationToken);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) =>
        faults.LosesMembershipWritesOf(self) ? Task.FromResult(true) : inner.InsertRowAsync(entry, tableVersion, cancellationToken);

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        if (faults.LosesMembershipWritesOf(self))
        {
            return Task.FromResult(true);
        }

        if (entry.Status == SiloStatus.Dead && !entry.SiloAddress.Equals(self) && faults.TakeRefusedDeathDeclaration())
        {
            return Task.FromResult(false);
        }

        return inner.UpdateRowAsync(entry, etag, tableVersion, cancellationToken);
    }

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) =>
        faults.LosesMembershipWritesOf(self) ? Task.CompletedTask : inner.UpdateIAmAliveAsync(entry, cancellationToken);

    // The interface's older overloads, which Orleans marks obsolete, go the same way.
    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);
}
