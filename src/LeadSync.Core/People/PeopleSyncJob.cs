namespace LeadSync.Core.People;

/// <summary>
/// The directory sync timer job: lists the connected CRM's users (HubSpot owners with their teams, Salesforce Users
/// with ManagerId, Dataverse systemusers with parentsystemuserid) and stores them as the synced people. Idempotent and
/// safe to run twice at once (both store the same rows). A CRM that cannot be read leaves the stored people as they
/// were; so does an empty answer when people were stored (a CRM never has no users; an empty page is not a reason to
/// forget everyone).
/// </summary>
public sealed partial class PeopleSyncJob(
    ICrmUserSource source,
    IPeopleStore store,
    PeopleDirectorySource directory,
    TimeProvider time,
    ILogger<PeopleSyncJob> logger)
{
    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SyncedUser> users;
        try
        {
            users = await source.ListUsersAsync(cancellationToken);
        }
        catch (CrmReadException ex)
        {
            var reason = ex.Outcome?.Reason ?? ex.Message;
            LogCrmUnavailable(logger, source.Crm, reason);
            return new JobReport(JobNames.PeopleSync, 0, 0, 0, 1) { CrmUnavailable = reason, CrmRetryAfter = ex.Outcome?.RetryAfter };
        }

        if (users.Count == 0 && (await store.GetAsync(source.Crm, cancellationToken)).Users.Count > 0)
        {
            LogEmptyAnswer(logger, source.Crm);
            return new JobReport(JobNames.PeopleSync, 0, 0, 1, 0);
        }

        await store.ReplaceAsync(source.Crm, users, time.GetUtcNow(), cancellationToken);
        directory.Invalidate();
        LogSynced(logger, source.Crm, users.Count);
        return new JobReport(JobNames.PeopleSync, users.Count, users.Count, 0, 0);
    }

    [LoggerMessage(EventId = 8611, Level = LogLevel.Information, Message = "People directory synced from {Crm}: {Count} user(s)")]
    private static partial void LogSynced(ILogger logger, string crm, int count);

    [LoggerMessage(EventId = 8612, Level = LogLevel.Warning, Message = "People directory sync: {Crm} could not be read ({Reason}); the stored people stay")]
    private static partial void LogCrmUnavailable(ILogger logger, string crm, string reason);

    [LoggerMessage(EventId = 8613, Level = LogLevel.Warning, Message = "People directory sync: {Crm} listed no users; the stored people stay")]
    private static partial void LogEmptyAnswer(ILogger logger, string crm);
}
