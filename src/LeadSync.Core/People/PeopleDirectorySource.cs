namespace LeadSync.Core.People;

/// <summary>
/// The effective people directory of this process: the synced users (read from the store at most once per
/// <see cref="PeopleOptions.RefreshInterval"/>) with the settings and the admin <c>people</c> document laid over them
/// (re-read on every call, so an admin's edit applies at once). When the store cannot be read the last directory stays.
/// </summary>
public sealed partial class PeopleDirectorySource(
    IPeopleStore store,
    IOptionsMonitor<PeopleOptions> people,
    IOptionsMonitor<SlaOptions> sla,
    IOptionsMonitor<CrmOptions> crm,
    TimeProvider time,
    ILogger<PeopleDirectorySource> logger)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The directory, reading the synced users first when they are missing or older than the refresh interval.</summary>
    public async Task<PeopleDirectory> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt >= people.CurrentValue.RefreshInterval)
        {
            snapshot = await LoadAsync(cancellationToken);
        }

        return Build(snapshot);
    }

    /// <summary>
    /// The directory without waiting on storage once it was read (for synchronous callers such as the escalation
    /// directory); the first call in a process reads the store. A stale snapshot is refreshed in the background.
    /// </summary>
    public PeopleDirectory Current
    {
        get
        {
            var snapshot = _snapshot;
            if (snapshot is null)
            {
                return GetAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            if (time.GetUtcNow() - snapshot.ReadAt >= people.CurrentValue.RefreshInterval)
            {
                _ = Task.Run(() => LoadAsync(CancellationToken.None));
            }

            return Build(snapshot);
        }
    }

    /// <summary>Forgets the synced users read, so the next call reads them again (after a sync in this process).</summary>
    public void Invalidate() => _snapshot = null;

    private PeopleDirectory Build(Snapshot snapshot)
    {
        var options = people.CurrentValue;
        var calendars = sla.CurrentValue.Calendars;
        var built = snapshot.Built;
        if (built is not null && ReferenceEquals(built.Options, options) && ReferenceEquals(built.Calendars, calendars))
        {
            return built.Directory;
        }

        // Built once per options change; a reference swap, so concurrent readers see one whole build or the other.
        var directory = PeopleDirectoryBuilder.Build(snapshot.Crm, snapshot.Synced, options, calendars);
        snapshot.Built = new BuiltDirectory(options, calendars, directory);
        return directory;
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var held = _snapshot;
            var now = time.GetUtcNow();
            if (held is not null && now - held.ReadAt < people.CurrentValue.RefreshInterval)
            {
                return held;
            }

            var provider = crm.CurrentValue.Provider.Trim().ToLowerInvariant();
            SyncedPeople synced;
            try
            {
                synced = await store.GetAsync(provider, cancellationToken);
            }
#pragma warning disable CA1031 // The directory keeps working on what it had (or on the settings alone) while storage is down.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogReadFailed(logger, ex);
                synced = held?.Synced ?? SyncedPeople.None;
            }

            var snapshot = new Snapshot(provider, synced, now);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    [LoggerMessage(EventId = 8601, Level = LogLevel.Warning, Message = "People directory: the synced users could not be read; the last directory stays")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    private sealed class Snapshot(string crm, SyncedPeople synced, DateTimeOffset readAt)
    {
        public string Crm { get; } = crm;
        public SyncedPeople Synced { get; } = synced;
        public DateTimeOffset ReadAt { get; } = readAt;
        public BuiltDirectory? Built { get; set; }
    }

    private sealed record BuiltDirectory(PeopleOptions Options, IDictionary<string, Sla.Calendars.BusinessCalendarOptions> Calendars, PeopleDirectory Directory);
}
